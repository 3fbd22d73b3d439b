import { defaultConfig, type ExperimentConfig } from '../core/config';
import { SETTING_KEYS, setting, type Setting } from '../core/settings';
import { JsonPath } from './jsonPath';
import { readObject, rejectUnknownFields } from './jsonRead';
import { prettyJson } from './prettyJson';
import { readSetting } from './settingRead';

/**
 * The experiment config as JSON: any subset of the fields of ExperimentConfig, the rest taken
 * from defaultConfig(). Used by the CLI's --config file, the weights file's `config` and the URL
 * state. Each field is read as its entry in the table of settings (src/core/settings.ts) says.
 */

const SECTIONS = Object.keys(defaultConfig()) as (keyof ExperimentConfig)[];

/** The settings of one section, by field. */
const fieldsOf = (section: keyof ExperimentConfig): Map<string, Setting> =>
  new Map(
    SETTING_KEYS.map(setting)
      .filter((entry) => entry.section === section)
      .map((entry) => [entry.field, entry]),
  );

const SECTION_FIELDS = Object.fromEntries(SECTIONS.map((section) => [section, fieldsOf(section)])) as Record<keyof ExperimentConfig, Map<string, Setting>>;

/** A section: the defaults, with each field present in `value` read and checked (undefined counts as absent). */
function readSection<T extends object>(value: unknown, at: JsonPath, defaults: T, fields: Map<string, Setting>): T {
  if (value === undefined) return defaults;
  const object = readObject(value, at);
  rejectUnknownFields(object, [...fields.keys()], at);
  const section = { ...defaults } as Record<string, unknown>;
  for (const [key, entry] of fields) {
    if (object[key] !== undefined) section[key] = readSetting(entry, object[key], at.field(key));
  }
  return section as T;
}

/** readExperimentConfig at a path inside a larger document (the weights file's `config`). */
export function readExperimentConfig(value: unknown, at: JsonPath): ExperimentConfig {
  const object = readObject(value, at);
  const defaults = defaultConfig();
  rejectUnknownFields(object, SECTIONS, at);
  return {
    data: readSection(object.data, at.field('data'), defaults.data, SECTION_FIELDS.data),
    model: readSection(object.model, at.field('model'), defaults.model, SECTION_FIELDS.model),
    training: readSection(object.training, at.field('training'), defaults.training, SECTION_FIELDS.training),
  };
}

/** A complete, checked ExperimentConfig from a parsed JSON value with any subset of its fields; throws InputError naming the field. */
export function parseExperimentConfig(value: unknown, source?: string): ExperimentConfig {
  return readExperimentConfig(value, new JsonPath(source));
}

/** The config as indented JSON text (fields in the order of defaultConfig(), newline at the end). */
export function serializeExperimentConfig(config: ExperimentConfig): string {
  return prettyJson(parseExperimentConfig(config));
}
