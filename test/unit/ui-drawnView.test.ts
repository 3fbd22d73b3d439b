import { describe, expect, it } from 'vitest';
import { DrawnVersion } from '../../src/ui/drawnView';

describe('DrawnVersion', () => {
  it('says a view must draw when any input changed, by identity, and not when none did', () => {
    const drawn = new DrawnVersion();
    const grid = new Float32Array(4);
    expect(drawn.changed(grid, true, { width: 10 })).toBe(true);
    const size = { width: 10 };
    expect(drawn.changed(grid, true, size)).toBe(true);
    expect(drawn.changed(grid, true, size)).toBe(false);
    expect(drawn.changed(new Float32Array(4), true, size)).toBe(true);
    expect(drawn.changed(grid, true, size)).toBe(true);
    expect(drawn.changed(grid, false, size)).toBe(true);
    expect(drawn.changed(grid, false, size, 1)).toBe(true);
    expect(drawn.changed(grid, false, size, 1)).toBe(false);
  });
});
