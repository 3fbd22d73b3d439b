import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress } from '../../src/ui/shortcuts';

describe('keyboard shortcuts', () => {
  const plain = (key: string): KeyPress => ({ key, ctrlOrMeta: false, alt: false, shift: false });

  it('maps Space, S and R (either case) while focus is on no control', () => {
    expect(shortcutFor(plain(' '), 'none')).toBe('toggle');
    expect(shortcutFor(plain('s'), 'none')).toBe('step');
    expect(shortcutFor({ ...plain('S'), shift: true }, 'none')).toBe('step');
    expect(shortcutFor(plain('R'), 'none')).toBe('reset');
    expect(shortcutFor(plain('x'), 'none')).toBeNull();
  });

  it('leaves every key to a focused button or field (Space presses the button), and keys with Ctrl, Cmd or Alt alone', () => {
    for (const focus of ['control', 'typing'] as const) for (const key of [' ', 's', 'r']) expect(shortcutFor(plain(key), focus), `${focus} ${key}`).toBeNull();
    expect(shortcutFor({ ...plain('r'), ctrlOrMeta: true }, 'none')).toBeNull();
    expect(shortcutFor({ ...plain('s'), alt: true }, 'none')).toBeNull();
  });
});
