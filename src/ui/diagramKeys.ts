/**
 * The network diagram's units by keyboard: one roving focus over the drawn units of the hidden
 * layers and the output. Up and down move within a layer, left and right to the neighbouring
 * layer's unit at the same row (or its last), Home and End to a layer's first and last unit.
 */

/** A drawn unit: its dense layer (0 = the first hidden layer) and its row among the layer's drawn units. */
export interface UnitPlace {
  layer: number;
  row: number;
}

/** Where `key` moves the focus from `at`, given how many units each layer draws; null when the key is not a move. */
export function movedFocus(rows: readonly number[], at: UnitPlace, key: string): UnitPlace | null {
  const last = (layer: number) => Math.max(0, rows[layer] - 1);
  const inLayer = (layer: number, row: number): UnitPlace => ({ layer, row: Math.min(Math.max(0, row), last(layer)) });
  switch (key) {
    case 'ArrowUp':
      return inLayer(at.layer, at.row - 1);
    case 'ArrowDown':
      return inLayer(at.layer, at.row + 1);
    case 'ArrowLeft':
      return inLayer(Math.max(0, at.layer - 1), at.row);
    case 'ArrowRight':
      return inLayer(Math.min(rows.length - 1, at.layer + 1), at.row);
    case 'Home':
      return inLayer(at.layer, 0);
    case 'End':
      return inLayer(at.layer, last(at.layer));
    default:
      return null;
  }
}

/** The key a unit's thumbnail is known by (the d3 join's and the roving focus's). */
export const unitKey = (place: UnitPlace): string => `${place.layer}:${place.row}`;
