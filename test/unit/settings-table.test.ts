import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../src/core/config';
import { SETTING_KEYS, setting, settingValue } from '../../src/core/settings';
import { COMMAND_HELP } from '../../src/cli/help';
import { SETTING_FLAGS, readSettingFlag } from '../../src/cli/settingFlags';
import { parseExperimentConfig } from '../../src/io/experimentConfig';
import { readSettingText, settingText } from '../../src/io/settingRead';
import { CONFIG_KEYS, decodeUrlState } from '../../src/io/urlState';
import { CONTROLS, CONTROL_IDS } from '../../src/ui/controls';

/** Every setting of the experiment comes from src/core/settings.ts: each must reach every place that shows or reads settings. */

const FORMAT = readFileSync(new URL('../../docs/FORMAT.md', import.meta.url), 'utf8');
const defaults = defaultConfig();
const entries = SETTING_KEYS.map((key) => ({ key, entry: setting(key) }));

describe('the table of settings', () => {
  it('has one entry per config field, and names each key, flag and field once', () => {
    for (const section of Object.keys(defaults) as (keyof ExperimentConfig)[]) {
      for (const field of Object.keys(defaults[section])) expect(entries.filter(({ entry }) => entry.section === section && entry.field === field), `${section}.${field}`).toHaveLength(1);
    }
    for (const { key, entry } of entries) expect(settingValue(defaults, entry), key).not.toBeUndefined();
    const flags = entries.map(({ entry }) => entry.flag);
    expect(new Set(flags).size).toBe(flags.length);
    const labels = entries.map(({ entry }) => entry.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('is the link’s keys, in its order, each read back as the config file reads it', () => {
    expect(CONFIG_KEYS.map(({ key }) => key)).toEqual(SETTING_KEYS);
    for (const { key, entry } of entries) {
      const text = settingText(settingValue(defaults, entry));
      expect(decodeUrlState(`#${key}=${encodeURIComponent(text)}`, { controls: [], lessons: [] }).problems, key).toEqual([]);
      expect(parseExperimentConfig({ [entry.section]: { [entry.field]: settingValue(defaults, entry) } }), key).toEqual(defaults);
    }
  });

  it('is the flags of descent train and their lines in --help', () => {
    for (const { key, entry } of entries) {
      expect(SETTING_FLAGS, key).toContain(entry.flag);
      expect(COMMAND_HELP.train, key).toMatch(new RegExp(`^  --${entry.flag} `, 'm'));
      expect(readSettingFlag(entry, settingText(settingValue(defaults, entry))), key).toEqual(settingValue(defaults, entry));
    }
  });

  it('is a control of the page, which a link can hide, named by the setting’s label in the settings bar', () => {
    for (const { key, entry } of entries) {
      expect(CONTROL_IDS, key).toContain(entry.control);
      if (entry.bar) expect((CONTROLS as Record<string, string>)[entry.control], key).toBe(entry.label);
    }
  });

  it('reads what a field of the page takes, and refuses the rest in the page’s one style', () => {
    for (const { key, entry } of entries) {
      const text = settingText(settingValue(defaults, entry));
      if (entry.value.kind === 'wholes' || entry.value.kind === 'optionalChoices' || entry.value.kind === 'distinctChoices') continue;
      expect(readSettingText(entry, text), key).toEqual({ value: settingValue(defaults, entry) });
      const refused = readSettingText(entry, 'fast');
      expect('problem' in refused && refused.problem, key).toMatch(new RegExp(`^${entry.label.replace(/[()]/g, '\\$&')} must be .+; got "fast"$`));
    }
    expect(readSettingText(setting('lr'), '12')).toEqual({ problem: 'Learning rate must be a number from 0 to 10; got 12' });
    expect(readSettingText(setting('points'), '0')).toEqual({ problem: 'Points must be a whole number from 1 to 100000; got 0' });
  });

  it('is documented in docs/FORMAT.md: the link key, config field and flag of each setting, and every control id', () => {
    for (const { key, entry } of entries) expect(FORMAT, key).toContain(`| \`${key}\` | \`${entry.section}.${entry.field}\` | \`--${entry.flag}\` |`);
    const ids = FORMAT.slice(FORMAT.indexOf('The control ids are'), FORMAT.indexOf('Play, +1 epoch and Reset'));
    for (const id of CONTROL_IDS) expect(ids, id).toContain(`\`${id}\``);
  });
});
