import { describe, expect, it } from 'vitest';
import { movedFocus } from '../../src/ui/diagramKeys';
import { sliderReach } from '../../src/ui/ParameterPopover';
import { undoKeyFor } from '../../src/ui/useUndoKeys';

describe('the network diagram by keyboard', () => {
  // Two hidden layers of 4 and 3 drawn units, and one output unit.
  const rows = [4, 3, 1];

  it('up and down stay in the layer; left and right go to the neighbour’s unit at the same row, or its last', () => {
    expect(movedFocus(rows, { layer: 0, row: 0 }, 'ArrowDown')).toEqual({ layer: 0, row: 1 });
    expect(movedFocus(rows, { layer: 0, row: 0 }, 'ArrowUp')).toEqual({ layer: 0, row: 0 });
    expect(movedFocus(rows, { layer: 0, row: 3 }, 'ArrowDown')).toEqual({ layer: 0, row: 3 });
    expect(movedFocus(rows, { layer: 0, row: 3 }, 'ArrowRight')).toEqual({ layer: 1, row: 2 });
    expect(movedFocus(rows, { layer: 1, row: 2 }, 'ArrowRight')).toEqual({ layer: 2, row: 0 });
    expect(movedFocus(rows, { layer: 2, row: 0 }, 'ArrowRight')).toEqual({ layer: 2, row: 0 });
    expect(movedFocus(rows, { layer: 1, row: 1 }, 'ArrowLeft')).toEqual({ layer: 0, row: 1 });
    expect(movedFocus(rows, { layer: 0, row: 1 }, 'ArrowLeft')).toEqual({ layer: 0, row: 1 });
    expect(movedFocus(rows, { layer: 0, row: 2 }, 'Home')).toEqual({ layer: 0, row: 0 });
    expect(movedFocus(rows, { layer: 0, row: 0 }, 'End')).toEqual({ layer: 0, row: 3 });
    expect(movedFocus(rows, { layer: 0, row: 0 }, 'a')).toBeNull();
  });

  it('Ctrl+Z on a parameter’s slider undoes (a slider has no undo of its own); in its number field it does not', () => {
    const press = (target: { tagName: string; type: string }) => undoKeyFor({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, target: target as unknown as EventTarget });
    expect(press({ tagName: 'INPUT', type: 'range' })).toBe('undo');
    expect(press({ tagName: 'INPUT', type: 'text' })).toBeNull();
  });

  it('a slider reaches at least ±2, and twice a larger value', () => {
    expect(sliderReach(0.3)).toBe(2);
    expect(sliderReach(-1.7)).toBe(4);
    expect(sliderReach(5.5)).toBe(11);
  });
});
