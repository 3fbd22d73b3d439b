import { describe, expect, it } from 'vitest';
import { planeGrid } from '../../src/core/grid';
import { buildModelSpec, planNetwork } from '../../src/core/network';
import { defaultConfig } from '../../src/core/config';
import { GRID_SIDE, ObservePlanner, flopsPerPoint, gridSideFor, neuronSideFor } from '../../src/train/observePlanner';
import { StepPacer } from '../../src/train/pacer';
import { RateMeter } from '../../src/train/rateMeter';

const planOf = (hidden: number[]) => planNetwork(buildModelSpec({ ...defaultConfig().model, hidden }, { kind: 'classification', classes: 2 }));

describe('StepPacer', () => {
  it('grows k while calls come back faster than the target, at most doubling', () => {
    const pacer = new StepPacer({ targetLatencyMs: 30, issueBudgetMs: 6 });
    expect(pacer.next()).toBe(1);
    pacer.record({ steps: 1, issueMs: 0.01, latencyMs: 1 });
    expect(pacer.next()).toBe(2);
    for (let i = 0; i < 20; i++) pacer.record({ steps: pacer.next(), issueMs: 0.01, latencyMs: 1 });
    expect(pacer.next()).toBe(4096);
  });

  it('settles where a call takes the target latency', () => {
    const pacer = new StepPacer({ targetLatencyMs: 30, issueBudgetMs: 100 });
    const msPerStep = 0.05;
    for (let i = 0; i < 40; i++) pacer.record({ steps: pacer.next(), issueMs: 0, latencyMs: 4 + pacer.next() * msPerStep });
    expect(pacer.next()).toBeGreaterThan(400);
    expect(pacer.next()).toBeLessThan(600);
  });

  it('shrinks k when calls are slow, never below 1', () => {
    const pacer = new StepPacer({ targetLatencyMs: 30, issueBudgetMs: 6 });
    for (let i = 0; i < 12; i++) pacer.record({ steps: pacer.next(), issueMs: 0.01, latencyMs: 1 });
    const fast = pacer.next();
    pacer.record({ steps: fast, issueMs: 0.01, latencyMs: 300 });
    expect(pacer.next()).toBe(Math.round(fast / 2));
    for (let i = 0; i < 30; i++) pacer.record({ steps: pacer.next(), issueMs: 0.01, latencyMs: 300 });
    expect(pacer.next()).toBe(1);
  });

  it('keeps the main-thread recording time of a call within its budget', () => {
    const pacer = new StepPacer({ targetLatencyMs: 30, issueBudgetMs: 6 });
    for (let i = 0; i < 30; i++) pacer.record({ steps: pacer.next(), issueMs: pacer.next() * 0.02, latencyMs: 1 });
    expect(pacer.next() * 0.02).toBeLessThanOrEqual(6.01);
    expect(pacer.next()).toBeGreaterThan(250);
  });
});

describe('ObservePlanner', () => {
  it('gives small networks the finest grid and large ones a coarser one, starting at most at 64', () => {
    expect(gridSideFor(flopsPerPoint(planOf([8, 8])))).toBe(GRID_SIDE.max);
    expect(gridSideFor(flopsPerPoint(planOf(Array(8).fill(256))))).toBe(GRID_SIDE.min);
    const side = gridSideFor(flopsPerPoint(planOf([64, 64])));
    expect(side % 8).toBe(0);
    expect(neuronSideFor(16)).toBeGreaterThan(neuronSideFor(2048));
    expect(new ObservePlanner(planOf(Array(8).fill(256)), 30).gridSide).toBe(GRID_SIDE.min);
  });

  it('asks for every view on the first call and refreshes metrics and neurons less often than every frame', () => {
    const planner = new ObservePlanner(planOf([8, 8]), 30);
    const first = planner.request(0);
    expect(first.grid).toEqual(planeGrid(64));
    expect(first.metrics).toBe(true);
    expect(first.neurons).toBeDefined();
    const second = planner.request(16);
    expect(second.grid).toBeDefined();
    expect(second.metrics).toBeUndefined();
    expect(second.neurons).toBeUndefined();
    expect(planner.request(300).neurons).toBeDefined();
  });

  it('sizes the grid from what a refresh without steps cost', () => {
    const planner = new ObservePlanner(planOf([8, 8]), 30);
    expect(planner.gridSide).toBe(64);
    // 64² cells in 38 ms, 8 of them the round trip: the views may take 12 ms, so 1638 cells, a side of 40.
    planner.record(planner.full(), 38, 0);
    expect(planner.gridSide).toBe(40);
    planner.record(planner.full(), 1, 0);
    expect(planner.gridSide).toBe(GRID_SIDE.max);
    planner.record(planner.full(), 10_000, 0);
    expect(planner.gridSide).toBe(GRID_SIDE.min);
  });

  it('refreshes the grid less often while it keeps one-step calls slow, and more often when calls are quick', () => {
    const planner = new ObservePlanner(planOf([8, 8]), 30);
    for (let i = 0; i < 20; i++) planner.record(planner.full(), 500, 1);
    expect(planner.gridIntervalMs).toBe(2000);
    const now = 10_000;
    planner.request(now);
    expect(planner.request(now + 16).grid).toBeUndefined();
    expect(planner.request(now + 2000).grid).toBeDefined();
    planner.record(planner.full(), 100, 64);
    expect(planner.gridIntervalMs).toBe(2000);
    for (let i = 0; i < 10; i++) planner.record(planner.full(), 5, 64);
    expect(planner.gridIntervalMs).toBe(0);
  });

  it('refreshes metrics over a large dataset seldom enough that they take a small share of the backend', () => {
    const small = new ObservePlanner(planOf([8, 8]), 30, 500);
    const large = new ObservePlanner(planOf([8, 8]), 30, 100_000);
    // Each first refresh evaluates its grid, thumbnails and dataset at 1 µs a row.
    for (const planner of [small, large]) {
      const full = planner.full();
      const rows = full.grid!.width * full.grid!.height + full.neurons!.width * full.neurons!.height + (planner === small ? 500 : 100_000);
      planner.record(full, 8 + rows * 1e-3, 0);
    }
    expect(small.metricsIntervalMs).toBe(100);
    // 100 ms of metrics at most every 100 / 0.05 ms.
    expect(large.metricsIntervalMs).toBeCloseTo(2000, 3);
    large.request(0);
    expect(large.request(1500).metrics).toBeUndefined();
    expect(large.request(2000).metrics).toBe(true);
    // On a backend where they would take a second, the readouts still change every 5 s.
    const slow = new ObservePlanner(planOf([8, 8]), 30, 100_000);
    const full = slow.full();
    slow.record(full, 8 + (full.grid!.width * full.grid!.height + full.neurons!.width * full.neurons!.height + 100_000) * 1e-2, 0);
    expect(slow.metricsIntervalMs).toBe(5000);
  });

  it('asks no neuron thumbnails of a model without hidden layers', () => {
    const planner = new ObservePlanner(planOf([]), 30);
    expect(planner.request(0).neurons).toBeUndefined();
    expect(planner.full().neurons).toBeUndefined();
  });
});

describe('RateMeter', () => {
  it('measures steps per second over the last second', () => {
    const meter = new RateMeter();
    expect(meter.perSecond(0)).toBe(0);
    for (let t = 0; t <= 3000; t += 100) meter.add(t, 50);
    expect(meter.perSecond(3000)).toBeCloseTo(500, 5);
    expect(meter.perSecond(10_000)).toBe(0);
  });
});
