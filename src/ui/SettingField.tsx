import type { ReactNode } from 'react';
import { editSetting, setting, settingValue, type Setting, type SettingKey, type SettingValue } from '../core/settings';
import { readFieldText } from '../io/settingRead';
import { useAppState, useServices } from './appContext';
import { OPTION_EXPLANATIONS, SETTING_EXPLANATIONS, type Explanation } from './explanations';
import { NumberField, SelectField, Toggle } from './fields';
import { Hideable } from './Hideable';
import type { ControlId } from './controls';
import { OPTION_NAMES } from './names';
import { updateConfig } from './store';

/**
 * A field's text read as a value of `kind` (null when refused), and the page's message about text
 * it refuses, naming the field by `label`: the one reader of links and config files, worded as the page words it.
 */
export function fieldParser(kind: SettingValue, label: string): { parse(text: string): unknown; problem(text: string): string } {
  return {
    parse: (text) => {
      const read = readFieldText(kind, label, text);
      return 'value' in read ? read.value : null;
    },
    problem: (text) => {
      const read = readFieldText(kind, label, text);
      return 'problem' in read ? read.problem : '';
    },
  };
}

/** fieldParser for a setting's own field. */
export const settingParser = (entry: Setting) => fieldParser(entry.value, entry.label);

const EXPLANATIONS: Partial<Record<string, Explanation>> = SETTING_EXPLANATIONS;

/** Characters wide of each kind of number field. */
const FIELD_SIZE: Partial<Record<Setting['value']['kind'], number>> = { number: 5, whole: 6, wholeOrAll: 5 };

/**
 * One setting of the experiment as the settings bar shows it, from its entry in the table of
 * settings: a drop-down list, a check box or a number field, labelled and explained, which a link
 * may hide, and whose edits go through the store.
 */
export function SettingField({ settingKey }: { settingKey: SettingKey }): ReactNode {
  const entry = setting(settingKey);
  const { store } = useServices();
  const value = useAppState((state) => settingValue(state.config, entry));
  const edit = (next: unknown) => updateConfig(store, (config) => editSetting(config, entry, next));
  // A setting without its own explanation is described by its line in the table.
  const explanation = EXPLANATIONS[entry.control] ?? { hint: `${entry.hint[0].toUpperCase()}${entry.hint.slice(1)}.`, more: [] };
  const kind = entry.value;
  let field: ReactNode;
  if (kind.kind === 'choice') {
    const names = OPTION_NAMES[settingKey] ?? Object.fromEntries(kind.options.map((option) => [option, option]));
    field = <SelectField label={entry.label} explanation={explanation} optionTexts={OPTION_EXPLANATIONS[settingKey]} value={value as string} options={kind.options} names={names} onChange={edit} />;
  } else if (kind.kind === 'boolean') {
    field = <Toggle label={entry.label} explanation={explanation} checked={value as boolean} onChange={edit} />;
  } else {
    const { parse, problem } = settingParser(entry);
    field = <NumberField label={entry.label} explanation={explanation} value={value} parse={parse} hint={problem} suggestions={entry.suggestions} size={FIELD_SIZE[kind.kind]} onCommit={edit} />;
  }
  return <Hideable id={entry.control as ControlId}>{field}</Hideable>;
}
