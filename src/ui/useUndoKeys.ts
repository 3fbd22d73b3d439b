import { useEffect } from 'react';
import { redoEdit, undoEdit, type AppStore } from './store';

/** Inputs with no text, hence no undo of their own: a slider, a box to tick, a button. */
const TEXTLESS_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file']);

/** Whether a key press belongs to a text field (which has its own undo). */
function inTextField(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; type?: string; isContentEditable?: boolean } | null;
  const tag = element?.tagName?.toUpperCase() ?? '';
  if (tag === 'INPUT') return !TEXTLESS_INPUTS.has(element?.type ?? 'text');
  return tag === 'TEXTAREA' || tag === 'SELECT' || element?.isContentEditable === true;
}

/** What a keydown means for the edit history (data and typed weights): Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z redoes; nothing in a text field. */
export function undoKeyFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'z' || inTextField(event.target)) return null;
  return event.shiftKey ? 'redo' : 'undo';
}

/** Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z anywhere on the page but in text fields. */
export function useUndoKeys(store: AppStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = undoKeyFor(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'undo') undoEdit(store);
      else redoEdit(store);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
