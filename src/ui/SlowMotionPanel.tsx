import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { NetworkPlan } from '../core/network';
import { SLOW_MOTION_MAX_UNITS, slowMotionStages, slowMotionStep, startAfter, type SlowMotionStage, type SlowMotionStep } from '../train/slowMotion';
import { hiddenWidths } from './modelEdits';
import { useAppState, useServices } from './appContext';
import { formatValue } from './format';
import './neurons.css';
import { showLinkValues, updateView, type LinkValues } from './store';

const numbers = (values: ArrayLike<number>): string => Array.from(values, formatValue).join(', ');

/** The dense layer's name: hidden layers by number, then the output. */
const layerName = (plan: NetworkPlan, index: number): string => (plan.dense[index].hidden ? `Layer ${index + 1}` : 'Output');

/** The largest |value| of a range of a vector. */
function largest(values: ArrayLike<number>, from: number, count: number): number {
  let most = 0;
  for (let i = from; i < from + count; i++) most = Math.max(most, Math.abs(values[i]));
  return most;
}

/** A stage's title: "Forward, layer 1", "Loss", "Backward, output", "Update". */
function stageTitle(plan: NetworkPlan, stage: SlowMotionStage): string {
  if (stage.kind === 'loss') return 'Loss';
  if (stage.kind === 'update') return 'Update';
  return `${stage.kind === 'forward' ? 'Forward' : 'Backward'}, ${layerName(plan, stage.layer).toLowerCase()}`;
}

/** The dense layers a stage has reached: forward from the input up to its layer, backward from the output down to it. */
function reached(plan: NetworkPlan, stage: SlowMotionStage): number[] {
  const all = plan.dense.map((layer) => layer.index);
  if (stage.kind === 'forward') return all.filter((layer) => layer <= stage.layer);
  if (stage.kind === 'backward') return all.filter((layer) => layer >= stage.layer).reverse();
  return all;
}

/** Each stage's numbers, as lines of the side list. */
function stageLines(plan: NetworkPlan, step: SlowMotionStep, stage: SlowMotionStage): string[] {
  const { stages } = step;
  const layers = reached(plan, stage).map((index) => plan.dense[index]);
  if (stage.kind === 'forward') return [`Features: ${numbers(stages.activations[0])}`, ...layers.map((layer) => `${layerName(plan, layer.index)}${layer.hidden ? '' : ' (before softmax or sigmoid)'}: ${numbers(stages.activations[layer.sum ?? layer.output])}`)];
  if (stage.kind === 'loss') {
    const task = plan.spec.task;
    const outputs = task.kind === 'regression' ? `Prediction ${formatValue(stages.outputs[0])}, target ${formatValue(step.label)}` : `Probabilities: ${numbers(task.classes === 2 ? [1 - stages.outputs[0], stages.outputs[0]] : stages.outputs)}; true class ${step.label}`;
    return [outputs, `Loss: ${formatValue(stages.loss)}`];
  }
  if (stage.kind === 'backward') {
    return layers.map((layer) => `${layerName(plan, layer.index)}: largest |∂L/∂w| ${formatValue(largest(stages.gradients, layer.weightOffset, layer.in * layer.out))}; ∂L/∂b ${numbers(stages.gradients.subarray(layer.biasOffset, layer.biasOffset + layer.out))}`);
  }
  const moved = Float64Array.from(stages.parameters, (value, i) => value - step.start.parameters[i]);
  return layers.map((layer) => `${layerName(plan, layer.index)}: largest |Δw| ${formatValue(largest(moved, layer.weightOffset, layer.in * layer.out))}; Δb ${numbers(moved.subarray(layer.biasOffset, layer.biasOffset + layer.out))}`);
}

/**
 * What the diagram's links show at a stage: weight × input on the layers the forward pass has
 * reached, the gradient on those the backward pass has, nothing (0) on the others; the weights at the
 * loss and the update.
 */
function linkValuesAt(plan: NetworkPlan, step: SlowMotionStep, stage: SlowMotionStage): LinkValues | null {
  if (stage.kind === 'loss' || stage.kind === 'update') return null;
  const values = new Float32Array(plan.parameterCount);
  const before = step.start.parameters;
  for (const index of reached(plan, stage)) {
    const layer = plan.dense[index];
    const inputs = step.stages.activations[layer.input];
    for (let o = 0; o < layer.out; o++) {
      for (let i = 0; i < layer.in; i++) {
        const w = layer.weightOffset + o * layer.in + i;
        values[w] = stage.kind === 'forward' ? before[w] * inputs[i] : step.stages.gradients[w];
      }
    }
  }
  return stage.kind === 'forward' ? { name: 'Weight × input', values } : { name: 'Gradient', values };
}

/**
 * Pauses training and shows one step in slow motion under the network diagram, which the side panel
 * gives back its place. For a network too wide for it, the button stays focusable (aria-disabled)
 * and says why in a visible hint that is also its description, for keyboard and touch users too.
 */
export function SlowMotionButton(): ReactNode {
  const { store, run } = useServices();
  const widest = useAppState((state) => Math.max(0, ...hiddenWidths(state.config.model)));
  const fits = widest <= SLOW_MOTION_MAX_UNITS;
  return (
    <>
      <button
        type="button"
        className="small"
        aria-disabled={!fits}
        aria-describedby={fits ? undefined : 'slow-motion-reason'}
        title={fits ? 'One training step on one point, stage by stage, in the network diagram' : undefined}
        onClick={() => {
          if (!fits) return;
          run.pause();
          updateView(store, { panel: 'none', slowMotion: true });
        }}
      >
        Slow-motion step
      </button>
      {!fits && (
        <span id="slow-motion-reason" className="hint slow-motion-reason">
          Slow-motion step is for networks of up to {SLOW_MOTION_MAX_UNITS} units a layer; this one has {widest}.
        </span>
      )}
    </>
  );
}

/**
 * One step in slow motion, under the diagram, advanced with Next stage: forward layer by layer
 * (every layer's values for one training point, the links it has reached lit by weight × input),
 * the loss, backward from the output down (the links coloured by their gradient) and the update
 * (the weights move). It starts from the engine's parameters and optimizer state, so that the
 * update is the engine's next step on that point; after it, Next stage starts another step. The
 * page mounts it anew for every model revision (`useModelRevision`), so a change of the experiment
 * or the weights starts the step again on the new model.
 */
export function SlowMotionPanel({ onClose }: { onClose: () => void }): ReactNode {
  const { store, run } = useServices();
  const [stageIndex, setStageIndex] = useState(0);
  const [step, setStep] = useState<SlowMotionStep | null>(null);
  // The network the step was worked out on: its numbers are that model's, whatever the run has since.
  const plan = step?.start.plan ?? null;
  const stages = useMemo(() => (plan ? slowMotionStages(plan) : []), [plan]);
  const stage = stages[stageIndex] ?? null;
  // The first step starts where the engine is; later ones where the shown step left the model.
  useEffect(() => {
    let current = true;
    void run.stepStart().then((start) => {
      if (current && start) setStep(slowMotionStep(start, 0));
    });
    return () => {
      current = false;
    };
  }, [run]);
  useEffect(() => showLinkValues(store, step && plan && stage ? linkValuesAt(plan, step, stage) : null), [store, plan, step, stage]);
  useEffect(() => () => showLinkValues(store, null), [store]);
  if (!step || !plan || !stage) return null;

  const updated = stage.kind === 'update';
  const restart = (index: number) => {
    // Once the update is in the model, another point's step starts from it.
    setStep(slowMotionStep(updated ? startAfter(step) : step.start, index));
    setStageIndex(0);
  };
  const next = () => {
    if (updated) return restart(step.pointIndex);
    const following = stageIndex + 1;
    setStageIndex(following);
    if (stages[following].kind === 'update') run.applyStep(step.start.revision, step.stages.parameters, startAfter(step).optimizer);
  };

  return (
    <section className="slow-motion" aria-label="Slow-motion step">
      <div className="row">
        <label htmlFor="slow-motion-point">Point</label>
        <input
          id="slow-motion-point"
          type="number"
          min={1}
          max={step.count}
          value={step.pointIndex + 1}
          onChange={(event) => {
            const value = Number(event.target.value);
            if (Number.isInteger(value) && value >= 1 && value <= step.count) restart(value - 1);
          }}
        />
        <span>
          of {step.count}: ({formatValue(step.point[0])}, {formatValue(step.point[1])})
        </span>
        <button type="button" onClick={next}>
          Next stage
        </button>
        <button type="button" className="small" onClick={onClose}>
          Close
        </button>
      </div>
      <h3 aria-live="polite">
        Stage {stageIndex + 1} of {stages.length}: {stageTitle(plan, stage)}
      </h3>
      <ul aria-label="Stage numbers">
        {stageLines(plan, step, stage).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
