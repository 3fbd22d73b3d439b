import { useEffect, useState, type ReactNode } from 'react';
import type { NetworkPlan } from '../core/network';
import { SLOW_MOTION_MAX_UNITS, SLOW_MOTION_STAGES, slowMotionStep, type SlowMotionStep } from '../train/slowMotion';
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

/** Each stage's numbers, as lines of the side list. */
function stageLines(plan: NetworkPlan, step: SlowMotionStep, stage: number, before: ArrayLike<number>): string[] {
  const { stages } = step;
  if (stage === 0) return [`Features: ${numbers(stages.activations[0])}`, ...plan.dense.map((layer) => `${layerName(plan, layer.index)}${layer.hidden ? '' : ' (before softmax or sigmoid)'}: ${numbers(stages.activations[layer.sum ?? layer.output])}`)];
  if (stage === 1) {
    const task = plan.spec.task;
    const outputs = task.kind === 'regression' ? `Prediction ${formatValue(stages.outputs[0])}, target ${formatValue(step.label)}` : `Probabilities: ${numbers(task.classes === 2 ? [1 - stages.outputs[0], stages.outputs[0]] : stages.outputs)}; true class ${step.label}`;
    return [outputs, `Loss: ${formatValue(stages.loss)}`];
  }
  if (stage === 2) {
    return plan.dense.map((layer) => `${layerName(plan, layer.index)}: largest |∂L/∂w| ${formatValue(largest(stages.gradients, layer.weightOffset, layer.in * layer.out))}; ∂L/∂b ${numbers(stages.gradients.subarray(layer.biasOffset, layer.biasOffset + layer.out))}`);
  }
  const moved = Float64Array.from(stages.parameters, (value, i) => value - before[i]);
  return plan.dense.map((layer) => `${layerName(plan, layer.index)}: largest |Δw| ${formatValue(largest(moved, layer.weightOffset, layer.in * layer.out))}; Δb ${numbers(moved.subarray(layer.biasOffset, layer.biasOffset + layer.out))}`);
}

/** What the diagram's links show at a stage: weight × input (forward), the gradient (backward), or the weights. */
function linkValuesAt(plan: NetworkPlan, step: SlowMotionStep, stage: number, before: ArrayLike<number>): LinkValues | null {
  if (stage === 2) return { name: 'Gradient', values: Float32Array.from(step.stages.gradients) };
  if (stage !== 0) return null;
  const values = new Float32Array(plan.parameterCount);
  for (const layer of plan.dense) {
    const inputs = step.stages.activations[layer.input];
    for (let o = 0; o < layer.out; o++) {
      for (let i = 0; i < layer.in; i++) values[layer.weightOffset + o * layer.in + i] = before[layer.weightOffset + o * layer.in + i] * inputs[i];
    }
  }
  return { name: 'Weight × input', values };
}

/** Pauses training and shows one step in slow motion under the network diagram, which the side panel gives back its place. */
export function SlowMotionButton(): ReactNode {
  const { store, run } = useServices();
  const fits = useAppState((state) => hiddenWidths(state.config.model).every((width) => width <= SLOW_MOTION_MAX_UNITS));
  return (
    <button
      type="button"
      className="small"
      disabled={!fits}
      title={fits ? 'One training step on one point, stage by stage, in the network diagram' : `For networks of up to ${SLOW_MOTION_MAX_UNITS} units per layer`}
      onClick={() => {
        run.pause();
        updateView(store, { panel: 'none', slowMotion: true });
      }}
    >
      Slow-motion step
    </button>
  );
}

/**
 * One step in slow motion, under the diagram: forward (every layer's values for one training
 * point), loss, backward (the diagram's links coloured by their gradient) and update (the weights
 * move), advanced with Next stage. After the update, Next stage starts another step.
 */
export function SlowMotionPanel({ onClose }: { onClose: () => void }): ReactNode {
  const { store, run } = useServices();
  const [pointIndex, setPointIndex] = useState(0);
  const [stage, setStage] = useState(0);
  const [step, setStep] = useState(() => slowMotionStep(run, 0));
  const [before, setBefore] = useState(() => run.parameters);
  const plan = run.plan;
  // The diagram's links: each weight times its input in the forward stage, the gradient in the backward one, else the weights.
  useEffect(() => showLinkValues(store, step && plan && before ? linkValuesAt(plan, step, stage, before) : null), [store, plan, step, stage, before]);
  useEffect(() => () => showLinkValues(store, null), [store]);
  if (!step || !plan || !before) return null;

  const restart = (index: number) => {
    setPointIndex(index);
    setStep(slowMotionStep(run, index));
    setBefore(run.parameters);
    setStage(0);
  };
  const next = () => {
    if (stage === SLOW_MOTION_STAGES.length - 1) {
      // The model now has the updated weights: the next step starts from them.
      setStep({ ...step, stages: slowMotionStepFrom(run, step) });
      setBefore(Float32Array.from(step.stages.parameters));
      setStage(0);
      return;
    }
    const following = stage + 1;
    setStage(following);
    if (following === 3) run.replaceParameters(step.stages.parameters);
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
          value={pointIndex + 1}
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
        <button
          type="button"
          className="small"
          onClick={onClose}
        >
          Close
        </button>
      </div>
      <h3 aria-live="polite">
        Stage {stage + 1} of {SLOW_MOTION_STAGES.length}: {SLOW_MOTION_STAGES[stage]}
      </h3>
      <ul aria-label="Stage numbers">
        {stageLines(plan, step, stage, before).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/** The next step's stages from the updated weights the last one left (the run's parameters may not have been read back yet). */
function slowMotionStepFrom(run: Parameters<typeof slowMotionStep>[0], last: SlowMotionStep) {
  return slowMotionStep(run, last.pointIndex, last.stages.parameters)!.stages;
}
