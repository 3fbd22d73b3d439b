/**
 * The keyboard shortcuts: Space plays or pauses, S steps one epoch, R resets. They belong to the
 * page, not to a control: with focus on a button, Space presses that button, and in a field keys
 * type. A shortcut that goes with a modifier (Ctrl/Cmd+Z to undo, say) gets a row of its own.
 */
export type Shortcut = 'toggle' | 'step' | 'reset';

/** A key as a keydown event reports it. */
export interface KeyPress {
  key: string;
  /** Ctrl, Cmd (Meta) or Alt held. */
  modified: boolean;
}

/** What has focus when the key is pressed, as far as the shortcuts care. */
export type Focus = 'none' | 'control';

/** Plain keys, each a shortcut only while focus is on no control. */
const PLAIN_KEYS: Readonly<Record<string, Shortcut>> = { ' ': 'toggle', s: 'step', r: 'reset' };

/** What a key press means, or null when it belongs to the focused control or is no shortcut. */
export function shortcutFor(press: KeyPress, focus: Focus): Shortcut | null {
  if (press.modified || focus !== 'none') return null;
  return PLAIN_KEYS[press.key.toLowerCase()] ?? null;
}

/** Elements that take keys themselves: buttons and links press on Space or Enter, fields type, lists choose. */
const CONTROL_SELECTOR = 'button, a[href], input, select, textarea, summary, [contenteditable]:not([contenteditable="false"]), [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="slider"], [role="tab"], [role="menuitem"], [role="option"], [role="textbox"], [role="combobox"]';

/** Whether `element` (a keydown's target, that is the focused element) is a control or inside one. */
export function focusOf(element: Element | null): Focus {
  return element?.closest(CONTROL_SELECTOR) ? 'control' : 'none';
}
