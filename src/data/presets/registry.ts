import { InputError } from '../../core/errors';
import { blobs } from './blobs';
import { checkerboard } from './checkerboard';
import { circle } from './circle';
import { gauss } from './gauss';
import { moons } from './moons';
import type { Preset } from './preset';
import { regGauss, regPlane, regSine } from './regression';
import { rings } from './rings';
import { spiral } from './spiral';
import { xor } from './xor';

/** Every preset, in the order the page lists them. A new preset is its file and one line here. */
export const PRESETS = [circle, xor, gauss, spiral, moons, checkerboard, rings, blobs, regPlane, regGauss, regSine] as const;

export type PresetName = (typeof PRESETS)[number]['name'];
/** `custom` is data drawn by hand or imported from CSV. */
export type DataSource = PresetName | 'custom';

type NameOfKind<K extends Preset['kind']> = Extract<(typeof PRESETS)[number], { kind: K }>['name'];

const namesOf = <N extends PresetName>(presets: readonly Preset[]): N[] => presets.map((preset) => preset.name as N);

export const PRESET_NAMES: readonly PresetName[] = namesOf(PRESETS);
export const CLASSIFICATION_PRESETS: readonly NameOfKind<'classification'>[] = namesOf(PRESETS.filter((preset) => preset.kind === 'classification'));
export const REGRESSION_PRESETS: readonly NameOfKind<'regression'>[] = namesOf(PRESETS.filter((preset) => preset.kind === 'regression'));
/** What `data.preset` may name: a preset, or custom points. */
export const DATA_SOURCES: readonly DataSource[] = [...PRESET_NAMES, 'custom'];

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** The preset of this name; throws an InputError naming the Dataset setting for any other name. */
export function presetNamed(name: string): Preset {
  const preset = PRESETS.find((candidate) => candidate.name === name);
  if (!preset) throw new InputError(`Dataset must be one of ${PRESET_NAMES.join(', ')}; got ${JSON.stringify(name)}`);
  return preset;
}

/** What the page calls each data source (any name of data.preset). */
export const DATA_SOURCE_LABELS: Readonly<Record<string, string>> = Object.fromEntries([...PRESETS.map((preset) => [preset.name, preset.label]), ['custom', 'Custom']]);
