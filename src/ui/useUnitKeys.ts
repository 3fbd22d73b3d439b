import { useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import { movedFocus, unitKey, type UnitPlace } from './diagramKeys';
import type { DiagramLayout } from './diagramLayout';

/**
 * The diagram's units by keyboard, over the thumbnails' layer: one roving tab stop (the last unit
 * focused, `roving`), arrows move it (diagramKeys.ts), Enter or Space picks the unit as a click at
 * its centre does, Escape leaves the diagram.
 */
export function useUnitKeys(layer: RefObject<HTMLDivElement | null>, layout: DiagramLayout) {
  const roving = useRef<string | null>(null);
  const placeOf = (unit: HTMLElement): UnitPlace => ({ layer: Number(unit.dataset.layer), row: Number(unit.dataset.row) });
  /** Makes `unit` the one Tab reaches. */
  const rove = (unit: HTMLElement) => {
    for (const canvas of layer.current!.querySelectorAll('canvas')) canvas.tabIndex = canvas === unit ? 0 : -1;
    roving.current = unitKey(placeOf(unit));
  };
  const focusUnit = (place: UnitPlace) => {
    const unit = layer.current?.querySelector<HTMLCanvasElement>(`canvas[data-layer="${place.layer}"][data-row="${place.row}"]`);
    if (!unit) return;
    rove(unit);
    unit.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const unit = event.target as HTMLElement;
    if (unit.tagName !== 'CANVAS') return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      const box = unit.getBoundingClientRect();
      unit.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }));
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      unit.blur();
    } else {
      const next = movedFocus(layout.columns.slice(1).map((column) => column.nodes.length), placeOf(unit), event.key);
      if (!next) return;
      event.preventDefault();
      focusUnit(next);
    }
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).tagName === 'CANVAS') rove(event.target as HTMLElement);
  };
  return { roving, focusUnit, onKeyDown, onFocus };
}
