import { useId, useState, type ReactNode } from 'react';
import { defaultConfig, type ExperimentConfig } from '../core/config';
import { DEFAULT_SPEED } from '../core/speed';
import { SETTING_KEYS, setting, settingValue, type Setting } from '../core/settings';
import { useAppState, useRunStatus, useServices } from './appContext';
import { SelectField } from './fields';
import { BACKEND_CHOICES, type BackendChoice } from '../train/experiment';
import { RUN_ON_EXPLANATION } from './explanations';
import { SettingField } from './SettingField';
import { SpeedControl } from './SpeedControl';

const BACKEND_NAMES: Record<BackendChoice, string> = { auto: 'Auto', webgpu: 'WebGPU', cpu: 'CPU' };

const DEFAULTS = defaultConfig();
const MORE_TITLE = 'More settings: Speed, input normalisation, learning-rate schedule, early stopping';

/** Whether the settings bar shows this setting in this group now: some show only when the others make them matter. */
function shownInBar(entry: Setting, bar: Setting['bar'], config: ExperimentConfig): boolean {
  return entry.bar === bar && (entry.shownWhen?.(config) ?? true);
}

/** One group of the settings bar: its settings from the table, in the table's order. */
function SettingsGroup({ bar, name, id, children }: { bar: Setting['bar']; name: string; id?: string; children?: ReactNode }): ReactNode {
  const config = useAppState((state) => state.config);
  return (
    <section id={id} className="settings-group" aria-label={name}>
      {children}
      {SETTING_KEYS.filter((key) => shownInBar(setting(key), bar, config)).map((key) => (
        <SettingField key={key} settingKey={key} />
      ))}
    </section>
  );
}

/** Whether any setting behind More settings differs from its default (a link that sets one, or a speed, opens the group). */
const moreChanged = (config: ExperimentConfig): boolean =>
  SETTING_KEYS.map(setting).some((entry) => entry.bar === 'more' && JSON.stringify(settingValue(config, entry)) !== JSON.stringify(settingValue(DEFAULTS, entry)));

/** The model's and the optimiser's settings (from the table of settings) and where training runs, in one bar under the transport controls; Speed and the less common settings open with More settings (⋯). */
export function SettingsBar(): ReactNode {
  const { store } = useServices();
  const config = useAppState((state) => state.config);
  const speed = useAppState((state) => state.view.speed);
  const [more, setMore] = useState(() => moreChanged(config) || speed !== DEFAULT_SPEED);
  const moreId = useId();
  const backendChoice = useAppState((state) => state.backend);
  const { backend } = useRunStatus();
  return (
    <div className="settings-bar">
      <SettingsGroup bar="model" name="Model settings" />
      <SettingsGroup bar="training" name="Training settings" />
      <section className="settings-group run-on" aria-label="Engine" title={backendChoice === 'auto' ? `Auto chooses by speed. Now: ${backend || 'starting…'}` : undefined}>
        <SelectField label="Run on" explanation={RUN_ON_EXPLANATION} value={backendChoice} options={BACKEND_CHOICES} names={BACKEND_NAMES} onChange={(choice) => store.setState({ backend: choice })} />
      </section>
      {/* A narrow button: the bar keeps to one row down to a tablet on its side. */}
      <button type="button" className="small more-settings" aria-label="More settings" aria-expanded={more} aria-controls={more ? moreId : undefined} title={MORE_TITLE} onClick={() => setMore(!more)}>
        ⋯
      </button>
      {more && (
        <SettingsGroup bar="more" name="More settings" id={moreId}>
          <SpeedControl />
        </SettingsGroup>
      )}
    </div>
  );
}
