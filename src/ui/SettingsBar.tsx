import type { ReactNode } from 'react';
import { HIDDEN_ACTIVATIONS } from '../core/activations';
import { ARCHITECTURES, INIT_SCHEMES, LIMITS, OPTIMIZERS, type ExperimentConfig } from '../core/config';
import { useAppState, useRunStatus, useServices } from './appContext';
import { NumberField, SelectField, numberParser } from './fields';
import { BACKEND_CHOICES, type BackendChoice } from '../train/experiment';
import { ACTIVATION_EXPLANATIONS, INIT_EXPLANATIONS, OPTIMIZER_EXPLANATIONS, RUN_ON_EXPLANATION, SETTING_EXPLANATIONS } from './explanations';
import { ACTIVATION_NAMES, ARCHITECTURE_NAMES, BATCH_SIZES, DROPOUT_RATES, INIT_NAMES, INIT_SCALES, LEARNING_RATES, MOMENTUM_VALUES, OPTIMIZER_NAMES, REGULARIZATION_RATES } from './names';
import { updateConfig } from './store';
import { Hideable } from './Hideable';

const parseBatch = (text: string): number | 'all' | null => (text.toLowerCase() === 'all' ? 'all' : numberParser(LIMITS.batchSize.min, LIMITS.batchSize.max, true)(text));
/** A rate in [0, 1), as dropout and momentum take. */
const parseBelowOne = (text: string): number | null => {
  const value = numberParser(0, 1)(text);
  return value !== null && value < 1 ? value : null;
};

const BACKEND_NAMES: Record<BackendChoice, string> = { auto: 'Auto', webgpu: 'WebGPU', cpu: 'CPU' };

/** The model's and the optimiser's settings, and where training runs, in one bar under the transport controls. */
export function SettingsBar(): ReactNode {
  const { store } = useServices();
  const model = useAppState((state) => state.config.model);
  const training = useAppState((state) => state.config.training);
  const backendChoice = useAppState((state) => state.backend);
  const { backend } = useRunStatus();
  const edit = (change: (config: ExperimentConfig) => void) => updateConfig(store, change);
  return (
    <div className="settings-bar">
      <section className="settings-group" aria-label="Model settings">
        <Hideable id="arch">
          <SelectField label="Architecture" explanation={SETTING_EXPLANATIONS.arch} value={model.arch} options={ARCHITECTURES} names={ARCHITECTURE_NAMES} onChange={(arch) => edit((c) => (c.model.arch = arch))} />
        </Hideable>
        <Hideable id="activation">
          <SelectField
            label="Activation"
            explanation={SETTING_EXPLANATIONS.activation}
            optionTexts={ACTIVATION_EXPLANATIONS}
            value={model.activation}
            options={HIDDEN_ACTIVATIONS}
            names={ACTIVATION_NAMES}
            onChange={(activation) =>
              edit((c) => {
                c.model.activation = activation;
                c.model.layerActivations = [];
              })
            }
          />
        </Hideable>
        <Hideable id="init">
          <SelectField label="Initialisation" explanation={SETTING_EXPLANATIONS.init} optionTexts={INIT_EXPLANATIONS} value={model.init} options={INIT_SCHEMES} names={INIT_NAMES} onChange={(init) => edit((c) => (c.model.init = init))} />
        </Hideable>
        {model.init === 'normal' && (
          <Hideable id="initScale">
            <NumberField
              label="Initial σ"
              explanation={SETTING_EXPLANATIONS.initScale}
              value={model.initScale}
              parse={numberParser(LIMITS.initScale.min, LIMITS.initScale.max)}
              suggestions={INIT_SCALES}
              hint={`A number from ${LIMITS.initScale.min} to ${LIMITS.initScale.max}`}
              size={5}
              onCommit={(scale) => edit((c) => (c.model.initScale = scale))}
            />
          </Hideable>
        )}
      </section>
      <section className="settings-group" aria-label="Training settings">
        <Hideable id="optimizer">
          <SelectField label="Optimizer" explanation={SETTING_EXPLANATIONS.optimizer} optionTexts={OPTIMIZER_EXPLANATIONS} value={training.optimizer} options={OPTIMIZERS} names={OPTIMIZER_NAMES} onChange={(optimizer) => edit((c) => (c.training.optimizer = optimizer))} />
        </Hideable>
        <Hideable id="lr">
          <NumberField
            label="Learning rate"
            explanation={SETTING_EXPLANATIONS.lr}
            value={training.learningRate}
            parse={numberParser(LIMITS.learningRate.min, LIMITS.learningRate.max)}
            suggestions={LEARNING_RATES}
            hint={`A number from ${LIMITS.learningRate.min} to ${LIMITS.learningRate.max}`}
            onCommit={(rate) => edit((c) => (c.training.learningRate = rate))}
          />
        </Hideable>
        {training.optimizer === 'momentum' && (
          <Hideable id="momentum">
            <NumberField
              label="Momentum"
              explanation={SETTING_EXPLANATIONS.momentum}
              value={training.momentum}
              parse={parseBelowOne}
              suggestions={MOMENTUM_VALUES}
              hint="A number from 0 up to (not including) 1"
              size={4}
              onCommit={(momentum) => edit((c) => (c.training.momentum = momentum))}
            />
          </Hideable>
        )}
        <Hideable id="batch">
          <NumberField
            label="Batch size"
            explanation={SETTING_EXPLANATIONS.batch}
            value={training.batchSize}
            parse={parseBatch}
            suggestions={[...BATCH_SIZES, 'all' as const]}
            hint={`A whole number from 1 to ${LIMITS.batchSize.max}, or "all"`}
            size={5}
            onCommit={(size) => edit((c) => (c.training.batchSize = size))}
          />
        </Hideable>
        {(['l1', 'l2'] as const).map((term) => (
          <Hideable key={term} id={term}>
            <NumberField
              label={term.toUpperCase()}
              explanation={SETTING_EXPLANATIONS[term]}
              value={training[term]}
              parse={numberParser(LIMITS.regularization.min, LIMITS.regularization.max)}
              suggestions={REGULARIZATION_RATES}
              hint={`A number from 0 to ${LIMITS.regularization.max}`}
              size={5}
              onCommit={(rate) => edit((c) => (c.training[term] = rate))}
            />
          </Hideable>
        ))}
        <Hideable id="dropout">
          <NumberField label="Dropout" explanation={SETTING_EXPLANATIONS.dropout} value={training.dropout} parse={parseBelowOne} suggestions={DROPOUT_RATES} hint="A rate from 0 up to (not including) 1" size={4} onCommit={(dropout) => edit((c) => (c.training.dropout = dropout))} />
        </Hideable>
      </section>
      <section className="settings-group run-on" aria-label="Engine" title={backendChoice === 'auto' ? `Auto chooses by speed. Now: ${backend || 'starting…'}` : undefined}>
        <SelectField label="Run on" explanation={RUN_ON_EXPLANATION} value={backendChoice} options={BACKEND_CHOICES} names={BACKEND_NAMES} onChange={(choice) => store.setState({ backend: choice })} />
      </section>
    </div>
  );
}
