/** The keyboard shortcuts: Space plays or pauses, S steps one epoch, R resets. */
export type Shortcut = 'toggle' | 'step' | 'reset';

/** What a keydown means, or null: nothing while typing in a field (or choosing in a list) or with a modifier held. */
export function shortcutFor(key: string, target: { tagName?: string; isContentEditable?: boolean } | null, modified: boolean): Shortcut | null {
  if (modified) return null;
  const tag = target?.tagName?.toUpperCase() ?? '';
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable) return null;
  if (key === ' ') return 'toggle';
  if (key === 's' || key === 'S') return 'step';
  if (key === 'r' || key === 'R') return 'reset';
  return null;
}
