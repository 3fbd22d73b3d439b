import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../src/ui/shortcuts';

describe('keyboard shortcuts', () => {
  const plain = (key: string) => ({ key, modified: false });

  it('maps Space, S and R (either case) while focus is on no control', () => {
    expect(shortcutFor(plain(' '), 'none')).toBe('toggle');
    expect(shortcutFor(plain('s'), 'none')).toBe('step');
    expect(shortcutFor(plain('S'), 'none')).toBe('step');
    expect(shortcutFor(plain('R'), 'none')).toBe('reset');
    expect(shortcutFor(plain('x'), 'none')).toBeNull();
  });

  it('leaves every key to a focused control (Space presses a button), and keys with a modifier alone', () => {
    for (const key of [' ', 's', 'r']) expect(shortcutFor(plain(key), 'control'), key).toBeNull();
    expect(shortcutFor({ key: 'r', modified: true }, 'none')).toBeNull();
  });
});
