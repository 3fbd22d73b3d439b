import { MAX_SWEEP_AXES, MAX_SWEEP_RUNS, SWEEP_AXES, SWEEP_AXIS_KEYS, sweepRunCount, sweepValueText, type SweepAxis, type SweepAxisKey, type SweepValue } from '../core/sweepAxes';
import { readFieldText } from './settingRead';

/**
 * A sweep in a link: `compare=seed:1,2,3,4;lr:0.001,0.01` — one or two axes separated by `;`, each
 * its key, `:` and its values separated by `,` (a value of Input features joins its features
 * with `+`). Every value is read as the setting's own field reads it, and a message about a bad
 * one names the compare view's control: "Compare: Learning rate must be a number from 0 to 10; got 12".
 */

export const COMPARE_KEY = 'compare';

/** What the compare view calls a link's axis in messages. */
export function compareControl(key: SweepAxisKey): string {
  return `Compare: ${SWEEP_AXES[key].label}`;
}

/** The link value of a sweep. */
export function encodeCompare(axes: readonly SweepAxis[]): string {
  return axes.map((axis) => `${axis.key}:${axis.values.map((value) => encodeURIComponent(sweepValueText(value))).join(',')}`).join(';');
}

/** One value typed for an axis (in the compare view or a link), checked; a problem names the axis. */
export function readAxisValue(key: SweepAxisKey, text: string): { value: SweepValue } | { problem: string } {
  const info = SWEEP_AXES[key];
  const asSetting = info.value.kind === 'distinctChoices' ? text.split('+').join(',') : text;
  const read = readFieldText(info.value, compareControl(key), asSetting.trim());
  return 'problem' in read ? read : { value: read.value as SweepValue };
}

/** A list of an axis's values as the compare view's field holds them (`0.001, 0.01`), checked. */
export function readAxisValues(key: SweepAxisKey, text: string): { values: SweepValue[] } | { problem: string } {
  const items = text.split(',').map((item) => item.trim());
  if (items.every((item) => item === '')) return { problem: `${compareControl(key)}: give at least one value` };
  const values: SweepValue[] = [];
  for (const item of items) {
    if (item === '') return { problem: `${compareControl(key)}: a value is empty (two commas in a row?)` };
    const read = readAxisValue(key, item);
    if ('problem' in read) return read;
    if (values.some((value) => sweepValueText(value) === sweepValueText(read.value))) return { problem: `${compareControl(key)}: ${item} is given twice` };
    values.push(read.value);
  }
  return { values };
}

/** Why a sweep of these axes cannot run, or null when it can. */
export function sweepProblem(axes: readonly SweepAxis[]): string | null {
  if (axes.length === 0) return 'Compare: choose at least one setting to vary';
  if (axes.length > MAX_SWEEP_AXES) return `Compare: at most ${MAX_SWEEP_AXES} settings vary at once; got ${axes.length}`;
  if (axes.length === 2 && axes[0].key === axes[1].key) return `${compareControl(axes[0].key)}: chosen twice`;
  const runs = sweepRunCount(axes);
  if (runs > MAX_SWEEP_RUNS) return `Compare: ${axes.map((axis) => axis.values.length).join(' × ')} = ${runs} runs; at most ${MAX_SWEEP_RUNS} train at once`;
  return null;
}

function decodeText(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The sweep a link's `compare=` value describes, or the first thing wrong with it, in the compare view's words. */
export function decodeCompare(text: string): { axes: SweepAxis[] } | { problem: string } {
  const axes: SweepAxis[] = [];
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    const key = decodeText(colon < 0 ? part : part.slice(0, colon));
    if (!(SWEEP_AXIS_KEYS as readonly string[]).includes(key)) {
      return { problem: `Compare: "${key.slice(0, 40)}" is not a setting a sweep can vary; use one of ${SWEEP_AXIS_KEYS.join(', ')}` };
    }
    const axisKey = key as SweepAxisKey;
    if (colon < 0) return { problem: `${compareControl(axisKey)}: no values (write ${axisKey}:value,value…)` };
    const read = readAxisValues(axisKey, decodeText(part.slice(colon + 1)));
    if ('problem' in read) return read;
    axes.push({ key: axisKey, values: read.values });
  }
  const problem = sweepProblem(axes);
  return problem ? { problem } : { axes };
}

/** Takes `compare=` out of a hash: the rest of the hash, and the value (null when absent). */
export function splitCompareHash(hash: string): { rest: string; compare: string | null } {
  let compare: string | null = null;
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => {
      if (!part.startsWith(`${COMPARE_KEY}=`)) return true;
      compare = part.slice(COMPARE_KEY.length + 1);
      return false;
    });
  return { rest: rest.join('&'), compare };
}
