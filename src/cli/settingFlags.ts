import type { ExperimentConfig } from '../core/config';
import { rangeText } from '../core/range';
import { SETTING_KEYS, putSetting, setting, settingValue, type Setting, type SettingSection, type SettingValue } from '../core/settings';
import { mustBe } from '../core/expectation';
import { phrase, quote, type Expectation, type ValuePlace } from '../io/jsonRead';
import { listItems, readSetting, settingJson } from '../io/settingRead';
import { DATA_SOURCES } from '../data/presets/registry';
import { UsageError } from './errors';

/**
 * The experiment's settings as flags of `descent train`, one per entry of the table of settings
 * (src/core/settings.ts): read by the same reader as config files and links, and listed by --help.
 */

/** A flag as a place for the readers: `--lr must be a number from 0 to 10; got "fast"`, echoing the text as typed. */
class FlagPlace implements ValuePlace {
  constructor(
    private readonly flag: string,
    private readonly text: string,
  ) {}

  field(): FlagPlace {
    return this;
  }

  item(index: number): FlagPlace {
    return new FlagPlace(this.flag, listItems(this.text)[index] ?? this.text);
  }

  error(problem: string): UsageError {
    return new UsageError(`--${this.flag}: ${problem}`);
  }

  expected(expectation: Expectation): UsageError {
    return new UsageError(mustBe(`--${this.flag}`, expectation, quote(this.text)));
  }
}

const COMMA_LIST = phrase('a comma-separated list');

/** Every setting's flag, in the table's order. */
export const SETTING_FLAGS: readonly string[] = SETTING_KEYS.map((key) => setting(key).flag);

/** A flag's text read as its setting's value; throws a UsageError naming the flag. */
export function readSettingFlag(entry: Setting, text: string): unknown {
  const kind = entry.value.kind;
  const isList = kind === 'wholes' || kind === 'distinctChoices' || kind === 'optionalChoices';
  const items = listItems(text.trim()).map((item) => item.trim());
  if (isList && items.some((item) => item === '')) throw new FlagPlace(entry.flag, text).expected(COMMA_LIST);
  const written = isList ? items.join(',') : text;
  const at = new FlagPlace(entry.flag, written);
  return readSetting(entry, settingJson(entry.value, written, at, 'asText'), at);
}

/** Applies the flags given for settings to the config. */
export function applySettingFlags(config: ExperimentConfig, flags: Readonly<Record<string, unknown>>): void {
  for (const key of SETTING_KEYS) {
    const entry = setting(key);
    const text = flags[entry.flag];
    if (typeof text === 'string') putSetting(config, entry, readSettingFlag(entry, text));
  }
}

/** What a flag takes, as --help says it: `0…10`, `N`, `NAME`, `a,b,…`. */
function valueName(value: SettingValue): string {
  switch (value.kind) {
    case 'number':
      return rangeText(value.range);
    case 'whole':
      return value.range.max > 100_000 ? 'N' : `${value.range.min}…${value.range.max}`;
    case 'wholeOrAll':
      return 'N|all';
    case 'choice':
      return value.options.join('|');
    case 'dataset':
      return 'NAME';
    case 'boolean':
      return 'true|false';
    case 'wholes':
      return 'N,N,…';
    case 'optionalChoices':
    case 'distinctChoices':
      return 'a,b,…';
  }
}

/** The choices a flag's line lists after its hint, when they are too many for its value name. */
function choicesLine(value: SettingValue): string | null {
  if (value.kind === 'dataset') return DATA_SOURCES.filter((name) => name !== 'custom').join(', ');
  if (value.kind === 'optionalChoices' || value.kind === 'distinctChoices') return value.options.join(', ');
  return null;
}

const FLAG_COLUMN = 30;

/** The --help lines of one section's settings: the flag and what it takes, then its hint and default. */
export function settingFlagsHelp(section: SettingSection, defaults: ExperimentConfig): string {
  const lines: string[] = [];
  for (const key of SETTING_KEYS) {
    const entry = setting(key);
    if (entry.section !== section) continue;
    const head = `  --${entry.flag} ${entry.flagValue ?? valueName(entry.value)}`;
    const shown = settingValue(defaults, entry);
    const text = `${entry.hint} (default ${Array.isArray(shown) ? shown.join(',') || 'none' : String(shown)})`;
    lines.push(head.length < FLAG_COLUMN ? `${head.padEnd(FLAG_COLUMN)}${text}` : `${head}\n${' '.repeat(FLAG_COLUMN)}${text}`);
    const choices = choicesLine(entry.value);
    if (choices) lines.push(`${' '.repeat(FLAG_COLUMN)}${choices}`);
  }
  return lines.join('\n');
}
