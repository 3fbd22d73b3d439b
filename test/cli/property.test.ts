import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/core/rng';
import { descentAsync, scratch, type CliResult } from './run';

/**
 * Random and mutated CSV and weights files through the real command (seeded, so a failure
 * reproduces). Whatever the file, the command either refuses it (exit 2, the file named) or runs,
 * and then every number it prints is finite and what it wrote reads back with `eval`; it never
 * reports success with NaN, and a failed run never changes the file --out names.
 */

/** DESCENT_PROPERTY_SEED reruns the property with other files. */
const SEED = Number(process.env.DESCENT_PROPERTY_SEED ?? 20_261_130);
const CSV_CASES = 36;
const WEIGHTS_CASES = 24;
const SENTINEL = '{"previous": "weights"}\n';

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)];

/** A number as a person or a program might write it, odd forms included. */
function numberText(rng: Rng): string {
  const value = rng.uniform(-6, 6);
  return pick(rng, [
    () => value.toFixed(rng.int(6)),
    () => value.toExponential(rng.int(4)),
    () => String(Math.round(value)),
    () => `${value < 0 ? '-' : '+'}${Math.abs(value).toPrecision(3)}`,
    () => pick(rng, ['1e308', '-1e308', '1e-320', '-0', '.5', '5.', '1e9', '-1e9', '1e10', '3.4e38', '0x10', 'NaN', 'Infinity', '', ' 2 ']),
  ])();
}

/** A CSV file Descent could have written, with some of the liberties the format allows. */
function randomCsv(rng: Rng): string {
  const columns = ['x1', 'x2', 'label', ...(rng.next() < 0.4 ? ['split'] : []), ...(rng.next() < 0.2 ? ['note'] : [])];
  for (let i = columns.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [columns[i], columns[j]] = [columns[j], columns[i]];
  }
  const classes = 2 + rng.int(3);
  const regression = rng.next() < 0.25;
  const rows = Array.from({ length: 1 + rng.int(40) }, (_, i) =>
    columns
      .map((column) => {
        if (column === 'label') return regression ? numberText(rng) : String(i < classes ? i : rng.int(classes));
        if (column === 'split') return rng.next() < 0.7 ? 'train' : 'test';
        if (column === 'note') return pick(rng, ['a', 'b c', '']);
        return rng.next() < 0.9 ? rng.uniform(-6, 6).toFixed(3) : numberText(rng);
      })
      .join(','),
  );
  const end = pick(rng, ['\n', '\r\n', '\r']);
  return `${rng.next() < 0.1 ? '\uFEFF' : ''}${[columns.join(','), ...rows].join(end)}${end}`;
}

/** The text with a few random edits: characters changed, inserted or removed, lines repeated or cut. */
function mutateText(text: string, rng: Rng): string {
  let result = text;
  const edits = rng.int(4);
  for (let e = 0; e < edits; e++) {
    const at = rng.int(result.length + 1);
    result = pick(rng, [
      () => result.slice(0, at) + pick(rng, [',', '\n', '\r', '-', '.', 'e', '9', '"', '\0', 'é', ' ', '[', '}', 'NaN']) + result.slice(at),
      () => result.slice(0, at) + result.slice(at + 1 + rng.int(8)),
      () => result.slice(0, at),
      () => result.slice(0, at) + result.slice(Math.max(0, at - 30), at) + result.slice(at),
    ])();
  }
  return result;
}

/** Every number reachable in a JSON value, to change one of them. */
function numberSlots(value: unknown, slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => (typeof item === 'number' ? slots.push({ parent: value, key: i }) : numberSlots(item, slots)));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'number') slots.push({ parent: value as Record<string, unknown>, key });
      else numberSlots(item, slots);
    }
  }
  return slots;
}

/** A weights file with one number replaced, a field dropped, or its text damaged. */
function mutateWeights(valid: string, rng: Rng): string {
  if (rng.next() < 0.3) return mutateText(valid, rng);
  const file = JSON.parse(valid);
  const slots = numberSlots(file);
  const slot = pick(rng, slots);
  const replacement = pick<unknown>(rng, [1e39, -1e39, 3e38, 1e-320, 0, -0, 1e300, 1e-13, 2.5, -7, null, 'x', [], 1e9]);
  (slot.parent as Record<string | number, unknown>)[slot.key] = replacement;
  if (rng.next() < 0.2) delete file[pick(rng, Object.keys(file))];
  return JSON.stringify(file, null, rng.int(3));
}

/** Runs the cases `width` at a time. */
async function runAll<T>(tasks: (() => Promise<T>)[], width = 2): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

/**
 * Every number in the command's output is finite. In JSON a NaN would print as null, so null is
 * allowed only where it means "none": the accuracy of a regression model, a missing test split, a
 * run that early stopping did not stop.
 */
function expectFiniteOutput(result: CliResult, what: string): void {
  if (!result.stdout.startsWith('{')) {
    expect(result.stdout, what).not.toMatch(/NaN|Infinity|null|undefined/);
    return;
  }
  const walk = (value: unknown, path: string): void => {
    if (value === null) expect(/(^|\.)(accuracy|test|stoppedAtEpoch|stopReason)$/.test(path), `${what}: null at ${path}`).toBe(true);
    else if (typeof value === 'number') expect(Number.isFinite(value), `${what}: ${path}`).toBe(true);
    else if (typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
  };
  walk(JSON.parse(result.stdout), '');
}

/** A refusal names the file and stops there; success leaves finite numbers. */
function expectRefusedOrFine(result: CliResult, file: string, what: string): boolean {
  if (result.code === 2) {
    expect(result.stderr.startsWith(`descent: ${file}`), `${what}: ${result.stderr}`).toBe(true);
    expect(result.stderr, what).not.toMatch(/\n\s+at /);
    expect(result.stdout, what).toBe('');
    return false;
  }
  expect(result.code, `${what}: ${result.stderr}`).toBe(0);
  expectFiniteOutput(result, what);
  return true;
}

describe('random and damaged files through the command', () => {
  let dir: string;
  let validWeights: string;
  beforeAll(async () => {
    dir = scratch({ 'fixed.csv': 'x1,x2,label\n1,1,1\n-1,1,0\n2,-2,1\n-2,0,0\n' });
    const trained = await descentAsync(['train', '--preset', 'xor', '--hidden', '3', '--epochs', '1', '--backend', 'cpu', '--out', join(dir, 'valid.json')]);
    expect(trained.code, trained.stderr).toBe(0);
    validWeights = readFileSync(join(dir, 'valid.json'), 'utf8');
  });

  it('CSV files: train, eval and predict refuse them by name or give finite results', async () => {
    const rng = createRng(SEED);
    const outcomes = await runAll(
      Array.from({ length: CSV_CASES }, (_, i) => {
        const text = rng.next() < 0.5 ? randomCsv(rng) : mutateText(randomCsv(rng), rng);
        const name = join(dir, `case${i}.csv`);
        const out = join(dir, `out${i}.json`);
        writeFileSync(name, text);
        writeFileSync(out, SENTINEL);
        return async () => {
          const what = `case ${i}: ${JSON.stringify(text.slice(0, 200))}`;
          const trained = await descentAsync(['train', '--data', name, '--epochs', '2', '--backend', 'cpu', '--json', '--out', out]);
          if (!expectRefusedOrFine(trained, name, `train ${what}`)) {
            expect(readFileSync(out, 'utf8'), what).toBe(SENTINEL);
            return 'refused';
          }
          const evaluated = await descentAsync(['eval', '--weights', out, '--data', name, '--backend', 'cpu', '--json']);
          expect(evaluated.code, `eval ${what}: ${evaluated.stderr}`).toBe(0);
          expectFiniteOutput(evaluated, `eval ${what}`);
          const predicted = await descentAsync(['predict', '--weights', out, '--data', name, '--backend', 'cpu']);
          expect(predicted.code, `predict ${what}: ${predicted.stderr}`).toBe(0);
          expectFiniteOutput(predicted, `predict ${what}`);
          return 'trained';
        };
      }),
    );
    // The generator must exercise both outcomes, or the property says little.
    expect(outcomes.filter((o) => o === 'trained').length).toBeGreaterThan(5);
    expect(outcomes.filter((o) => o === 'refused').length).toBeGreaterThan(5);
  });

  it('weights files: eval and train --init refuse them by name or give finite results', async () => {
    const rng = createRng(SEED + 1);
    const outcomes = await runAll(
      Array.from({ length: WEIGHTS_CASES }, (_, i) => {
        const text = mutateWeights(validWeights, rng);
        const name = join(dir, `weights${i}.json`);
        const out = join(dir, `continued${i}.json`);
        writeFileSync(name, text);
        writeFileSync(out, SENTINEL);
        return async () => {
          const what = `weights case ${i}`;
          const evaluated = await descentAsync(['eval', '--weights', name, '--data', join(dir, 'fixed.csv'), '--backend', 'cpu', '--json']);
          if (!expectRefusedOrFine(evaluated, name, `eval ${what}`)) {
            const trained = await descentAsync(['train', '--init', name, '--data', join(dir, 'fixed.csv'), '--epochs', '1', '--backend', 'cpu', '--out', out]);
            expect(trained.code, `train --init ${what}`).toBe(2);
            expect(readFileSync(out, 'utf8'), what).toBe(SENTINEL);
            return 'refused';
          }
          const trained = await descentAsync(['train', '--init', name, '--data', join(dir, 'fixed.csv'), '--epochs', '1', '--backend', 'cpu', '--json', '--out', out]);
          if (trained.code !== 0) {
            // Weights that are valid but huge may diverge at once: a failed run, said so, and --out untouched.
            expect(trained.code, `train --init ${what}: ${trained.stderr}`).toBe(1);
            expect(trained.stderr, what).toMatch(/^descent: training (diverged|failed)/);
            expect(readFileSync(out, 'utf8'), what).toBe(SENTINEL);
            return 'diverged';
          }
          expectFiniteOutput(trained, `train --init ${what}`);
          const again = await descentAsync(['eval', '--weights', out, '--data', join(dir, 'fixed.csv'), '--backend', 'cpu', '--json']);
          expect(again.code, `eval of the continued ${what}: ${again.stderr}`).toBe(0);
          expectFiniteOutput(again, `eval of the continued ${what}`);
          return 'trained';
        };
      }),
    );
    expect(outcomes.filter((o) => o === 'trained').length).toBeGreaterThan(3);
    expect(outcomes.filter((o) => o === 'refused').length).toBeGreaterThan(3);
  });
});
