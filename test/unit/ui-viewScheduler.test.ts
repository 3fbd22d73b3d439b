import { describe, expect, it } from 'vitest';
import { ViewScheduler } from '../../src/ui/viewScheduler';

describe('ViewScheduler', () => {
  it('draws each view once per new version of the run', () => {
    let version = 0;
    const scheduler = new ViewScheduler(() => version, () => 0);
    const drawn: string[] = [];
    scheduler.add(() => drawn.push('plane'));
    scheduler.add(() => drawn.push('chart'));
    expect(scheduler.frame()).toBe(2);
    expect(scheduler.frame()).toBe(0);
    version++;
    scheduler.frame();
    expect(drawn).toEqual(['plane', 'chart', 'plane', 'chart']);
  });

  it('leaves the rest for the next frame once a frame has used its budget, taking turns', () => {
    let clock = 0;
    const scheduler = new ViewScheduler(() => 1, () => clock);
    const drawn: string[] = [];
    const slow = (name: string) => () => {
      drawn.push(name);
      clock += 10;
    };
    scheduler.add(slow('a'));
    scheduler.add(slow('b'));
    scheduler.add(slow('c'));
    expect(scheduler.frame()).toBe(1);
    expect(scheduler.frame()).toBe(1);
    expect(scheduler.frame()).toBe(1);
    expect(scheduler.frame()).toBe(0);
    expect(drawn).toEqual(['a', 'b', 'c']);
  });

  it("waits out a view's minimum interval, then draws the latest version", () => {
    let clock = 0;
    let version = 0;
    const scheduler = new ViewScheduler(() => version, () => clock);
    let count = 0;
    const remove = scheduler.add(() => count++, 200);
    scheduler.frame();
    version++;
    clock = 100;
    scheduler.frame();
    expect(count).toBe(1);
    clock = 200;
    scheduler.frame();
    expect(count).toBe(2);
    remove();
    version++;
    clock = 1000;
    expect(scheduler.frame()).toBe(0);
  });
});
