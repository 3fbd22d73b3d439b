import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import type { Dataset } from '../../src/core/dataset';
import { createRng } from '../../src/core/rng';
import { emptyDataset } from '../../src/data/draw';
import { generateDataset } from '../../src/data/presets';
import { makeLink, MAX_LINK_LENGTH, readLink } from '../../src/io/shareLink';
import { defaultUrlState, type UrlState } from '../../src/io/urlState';
import { withDrawnPoints } from '../../src/train/dataEdits';
import { bitsOf } from './expectations';

const VOCABULARY = { controls: ['lr', 'activation'], lessons: ['hidden-layer'] };
const BASE = 'https://descent.example/';

/** `count` points drawn at random on the plane, in classes 0…2. */
function drawn(count: number): Dataset {
  const rng = createRng(11);
  let dataset = emptyDataset({ kind: 'classification', classes: 2 });
  for (let i = 0; i < count; i++) dataset = withDrawnPoints(dataset, [[rng.uniform(-6, 6), rng.uniform(-6, 6)]], i % 3);
  return dataset;
}

function customState(points: Dataset): UrlState {
  const config = defaultConfig();
  config.data = { ...config.data, preset: 'custom', points: points.labels.length, classes: 3 };
  return { ...defaultUrlState(), config, hidden: ['lr'], present: true, lesson: 'hidden-layer' };
}

const hashOf = (url: string): string => url.slice(url.indexOf('#'));

describe('a whole link', () => {
  it('carries drawn points within the length budget, and reading it gives back the state and every point bit for bit', async () => {
    const points = drawn(400);
    const state = customState(points);
    const link = await makeLink(BASE, state, points);
    expect(link.pointsLeftOut).toBeNull();
    expect(link.url.startsWith(`${BASE}#`)).toBe(true);
    expect(link.url.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    const read = await readLink(hashOf(link.url), VOCABULARY);
    expect(read.problems).toEqual([]);
    expect({ ...read.state, drawn: null }).toEqual(state);
    expect(read.drawn!.task).toEqual(points.task);
    expect(bitsOf(read.drawn!.points)).toBe(bitsOf(points.points));
    expect(bitsOf(read.drawn!.labels)).toBe(bitsOf(points.labels));
    expect(Array.from(read.drawn!.isTest)).toEqual(Array.from(points.isTest));
  });

  it('leaves the points out past the budget, says why, and keeps the rest of the state', async () => {
    const points = drawn(4000);
    const link = await makeLink(BASE, customState(points), points);
    expect(link.url.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(link.url).not.toContain('drawn=');
    expect(link.pointsLeftOut).toMatch(/^4000 points make a link of \d+ characters, more than 8000$/);
    const received = await readLink(hashOf(link.url), VOCABULARY);
    expect(received.state.config.data.preset).toBe('custom');
    // Whoever opens it is told that the points did not come with it, and what to do.
    expect(received.problems).toEqual([expect.stringMatching(/does not carry them .*the dataset starts empty: ask for the data file and use Import data$/)]);
    const smallBudget = await makeLink(BASE, customState(drawn(400)), drawn(400), 1000);
    expect(smallBudget.pointsLeftOut).toMatch(/more than 1000$/);
  });

  it('leaves out points that cannot travel exactly, and adds none for generated data', async () => {
    const imported = { ...drawn(10), points: drawn(10).points.map((x) => x + 1e-4) };
    expect((await makeLink(BASE, customState(imported), imported)).pointsLeftOut).toMatch(/more than three decimals/);
    const preset = await makeLink(BASE, defaultUrlState(), generateDataset(defaultConfig().data));
    expect(preset.pointsLeftOut).toBeNull();
    expect(preset.url.startsWith(`${BASE}#dataset=circle&`)).toBe(true);
    expect(preset.url).not.toContain('drawn=');
  });

  it('reports drawn points that are damaged or do not belong to custom data, and opens without them', async () => {
    const link = await makeLink(BASE, customState(drawn(50)), drawn(50));
    const damaged = await readLink(hashOf(link.url).replace(/drawn=(.{20})/, 'drawn=$1AAAA'), VOCABULARY);
    expect(damaged.drawn).toBeNull();
    expect(damaged.problems).toHaveLength(1);
    expect(damaged.problems[0]).toMatch(/^drawn: .+; the dataset starts empty$/);
    const misplaced = await readLink(hashOf(link.url).replace('dataset=custom', 'dataset=xor'), VOCABULARY);
    expect(misplaced.drawn).toBeNull();
    expect(misplaced.problems).toEqual(['drawn: points given, but the dataset is xor; ignored']);
    expect(misplaced.state.config.data.preset).toBe('xor');
  });
});
