import { useEffect, type ReactNode } from 'react';
import type { ModelConfig } from '../core/config';
import { buildModelSpec, planNetwork } from '../core/network';
import type { Task } from '../core/task';
import { useAppState, useModelRevision, useRunStatus, useServices } from './appContext';
import { useDataTask } from './configTask';
import { LayerEditor } from './LayerEditor';
import { addLayer, canAddLayer, canRemoveLayer, hiddenWidths, removeLayer } from './modelEdits';
import { NetworkDiagram } from './NetworkDiagram';
import { SlowMotionPanel } from './SlowMotionPanel';
import { updateConfig, updateView } from './store';
import { Hideable } from './Hideable';
import { SETTING_EXPLANATIONS } from './explanations';
import { WhatIsThis } from './WhatIsThis';

/** The model's size in words: hidden layers and parameters. */
function summary(model: ModelConfig, task: Task): string {
  const layers = hiddenWidths(model).length;
  const parameters = planNetwork(buildModelSpec(model, task)).parameterCount;
  const blocks = model.arch === 'resnet' ? ` (${model.blocks} block${model.blocks === 1 ? '' : 's'})` : '';
  return `${layers} hidden layer${layers === 1 ? '' : 's'}${blocks} · ${parameters.toLocaleString('en-US')} parameters`;
}

/** The network diagram with the buttons that add and remove layers, and the selected layer's settings. */
export function NetworkPanel(): ReactNode {
  const { store } = useServices();
  const model = useAppState((state) => state.config.model);
  const text = summary(model, useDataTask());
  const { playing } = useRunStatus();
  const slowMotion = useAppState((state) => state.view.slowMotion);
  const shape = `${model.arch}:${hiddenWidths(model).join(',')}`;
  const revision = useModelRevision();
  // Training, or another network, ends the slow-motion step.
  useEffect(() => {
    if (playing) updateView(store, { slowMotion: false });
  }, [store, playing]);
  useEffect(() => updateView(store, { slowMotion: false }), [store, shape]);
  return (
    <section className="panel network-panel" aria-labelledby="network-heading">
      <div className="panel-head">
        <h2 id="network-heading">Network</h2>
        <Hideable id="features">
          <WhatIsThis label="Input features" explanation={SETTING_EXPLANATIONS.features} />
        </Hideable>
        <Hideable id="layers">
          <button type="button" aria-label="Add layer" title="Add layer" disabled={!canAddLayer(model)} onClick={() => updateConfig(store, (config) => (config.model = addLayer(config.model)))}>
            <CompactLabel full="Add layer" compact="+ Layer" />
          </button>
          <button type="button" aria-label="Remove layer" title="Remove layer" disabled={!canRemoveLayer(model)} onClick={() => updateConfig(store, (config) => (config.model = removeLayer(config.model)))}>
            <CompactLabel full="Remove layer" compact="− Layer" />
          </button>
        </Hideable>
        <button type="button" onClick={() => updateView(store, { panel: 'inside' })}>
          See inside
        </button>
        <span className="summary" title={text}>
          {text}
        </span>
      </div>
      <NetworkDiagram />
      {slowMotion && !playing ? (
        // In the layer editor's place, so that the diagram keeps its room; a new model starts the step again on it.
        <SlowMotionPanel key={revision} onClose={() => updateView(store, { slowMotion: false })} />
      ) : (
        <Hideable id="layerEditor">
          <LayerEditor />
        </Hideable>
      )}
    </section>
  );
}

/** A button's words, shortened where the panel is narrow (the button's aria-label keeps the full name). */
function CompactLabel({ full, compact }: { full: string; compact: string }): ReactNode {
  return (
    <>
      <span className="full-label" aria-hidden="true">
        {full}
      </span>
      <span className="compact-label" aria-hidden="true">
        {compact}
      </span>
    </>
  );
}
