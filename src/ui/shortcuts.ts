/**
 * The keyboard shortcuts: Space plays or pauses, S steps one epoch, R resets. They belong to the
 * page, not to a control: with focus on a button, Space presses that button, and in a field keys
 * type. Shortcuts with Ctrl/Cmd (Undo and Redo, say) get rows of their own below, and may decide
 * differently for a focused button ('control') than for a field ('typing').
 */
export type Shortcut = 'toggle' | 'step' | 'reset';

/** A key as a keydown event reports it. */
export interface KeyPress {
  key: string;
  /** Ctrl, or Cmd on a Mac. */
  ctrlOrMeta: boolean;
  alt: boolean;
  shift: boolean;
}

/** What has focus when the key is pressed: nothing that takes keys, a control that does (a button, a link), or a field one types or chooses in. */
export type Focus = 'none' | 'control' | 'typing';

/** Plain keys (Shift allowed, so that Caps Lock changes nothing), each a shortcut only while focus is on no control. */
const PLAIN_KEYS: Readonly<Record<string, Shortcut>> = { ' ': 'toggle', s: 'step', r: 'reset' };

/** What a key press means, or null when it belongs to the focused control or is no shortcut. */
export function shortcutFor(press: KeyPress, focus: Focus): Shortcut | null {
  if (press.ctrlOrMeta || press.alt || focus !== 'none') return null;
  return PLAIN_KEYS[press.key.toLowerCase()] ?? null;
}

/** Fields: keys type or choose there. */
const TYPING_SELECTOR = 'input, select, textarea, [contenteditable]:not([contenteditable="false"]), [role="textbox"], [role="combobox"], [role="slider"]';
/** Other elements that take keys themselves: buttons and links press on Space or Enter. */
const CONTROL_SELECTOR = 'button, a[href], summary, [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"]';

/** What `element` (a keydown's target, that is the focused element) is, for the shortcuts. */
export function focusOf(element: Element | null): Focus {
  if (element?.closest(TYPING_SELECTOR)) return 'typing';
  return element?.closest(CONTROL_SELECTOR) ? 'control' : 'none';
}

/** A keydown event as a KeyPress. */
export function keyPressOf(event: KeyboardEvent): KeyPress {
  return { key: event.key, ctrlOrMeta: event.ctrlKey || event.metaKey, alt: event.altKey, shift: event.shiftKey };
}
