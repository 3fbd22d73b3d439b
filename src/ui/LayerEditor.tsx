import type { ReactNode } from 'react';
import { HIDDEN_ACTIVATIONS, type Activation } from '../core/activations';
import { SETTING_ITEM_LABELS } from '../core/settingLabels';
import { SETTINGS } from '../core/settings';
import { useAppState, useServices } from './appContext';
import { NumberField, SelectField } from './fields';
import { fieldParser } from './SettingField';
import { hiddenWidths, setLayerActivation, setLayerWidth } from './modelEdits';
import { ACTIVATION_NAMES } from './names';
import { updateConfig } from './store';

const DEFAULT = 'default';
type Choice = Activation | typeof DEFAULT;

/** The selected hidden layer's settings: its neurons (typed) and its own activation. */
export function LayerEditor(): ReactNode {
  const { store } = useServices();
  const model = useAppState((state) => state.config.model);
  const selected = useAppState((state) => state.view.selectedLayer);
  const widths = hiddenWidths(model);
  if (widths.length === 0) return <p className="layer-editor hint">No hidden layers: the model is a linear (logistic) model. Press Add layer.</p>;
  const layer = Math.min(selected, widths.length - 1);
  const names = { ...ACTIVATION_NAMES, [DEFAULT]: `Default (${ACTIVATION_NAMES[model.activation]})` } as Record<Choice, string>;
  const label = SETTING_ITEM_LABELS.hidden(layer);
  // One layer's width is read as the width setting reads it, and named as the field is.
  const width = fieldParser(SETTINGS.width.value, label);
  const resnetNote = model.arch === 'resnet' ? ' (all layers of a ResNet share this width)' : '';
  return (
    <div className="layer-editor row" role="group" aria-label={`Layer ${layer + 1} settings`}>
      <strong>Layer {layer + 1}</strong>
      <NumberField
        label={label}
        value={widths[layer]}
        parse={(text) => width.parse(text) as number | null}
        hint={(text) => `${width.problem(text)}${resnetNote}`}
        size={5}
        onCommit={(neurons) => updateConfig(store, (config) => (config.model = setLayerWidth(config.model, layer, neurons)))}
      />
      <SelectField<Choice>
        label={`Activation of layer ${layer + 1}`}
        value={model.layerActivations[layer] ?? DEFAULT}
        options={[DEFAULT, ...HIDDEN_ACTIVATIONS]}
        names={names}
        onChange={(choice) => updateConfig(store, (config) => (config.model = setLayerActivation(config.model, layer, choice === DEFAULT ? null : choice)))}
      />
    </div>
  );
}
