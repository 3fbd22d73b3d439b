import type { ReactNode } from 'react';
import type { ExperimentConfig } from '../core/config';
import { SETTING_KEYS, setting, type Setting } from '../core/settings';
import { useAppState, useRunStatus, useServices } from './appContext';
import { SelectField } from './fields';
import { BACKEND_CHOICES, type BackendChoice } from '../train/experiment';
import { RUN_ON_EXPLANATION } from './explanations';
import { SettingField } from './SettingField';
import { SpeedControl } from './SpeedControl';

const BACKEND_NAMES: Record<BackendChoice, string> = { auto: 'Auto', webgpu: 'WebGPU', cpu: 'CPU' };

const GROUPS = [
  { bar: 'model', name: 'Model settings' },
  { bar: 'training', name: 'Training settings' },
] as const;

/** Whether the settings bar shows this setting in this group now: some show only when the others make them matter. */
function shownInBar(entry: Setting, bar: Setting['bar'], config: ExperimentConfig): boolean {
  return entry.bar === bar && (entry.shownWhen?.(config) ?? true);
}

/** The model's and the optimiser's settings (from the table of settings), where training runs and how fast, in one bar under the transport controls. */
export function SettingsBar(): ReactNode {
  const { store } = useServices();
  const config = useAppState((state) => state.config);
  const backendChoice = useAppState((state) => state.backend);
  const { backend } = useRunStatus();
  return (
    <div className="settings-bar">
      {GROUPS.map(({ bar, name }) => (
        <section key={bar} className="settings-group" aria-label={name}>
          {SETTING_KEYS.filter((key) => shownInBar(setting(key), bar, config)).map((key) => (
            <SettingField key={key} settingKey={key} />
          ))}
        </section>
      ))}
      <section className="settings-group run-on" aria-label="Engine" title={backendChoice === 'auto' ? `Auto chooses by speed. Now: ${backend || 'starting…'}` : undefined}>
        <SelectField label="Run on" explanation={RUN_ON_EXPLANATION} value={backendChoice} options={BACKEND_CHOICES} names={BACKEND_NAMES} onChange={(choice) => store.setState({ backend: choice })} />
        <SpeedControl />
      </section>
    </div>
  );
}
