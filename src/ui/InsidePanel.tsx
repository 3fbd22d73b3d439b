import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { viewableSlots, type ViewableSlot } from '../core/layerView';
import type { NetworkPlan } from '../core/network';
import { LESSONS, type InsideView } from '../lessons/lessons';
import { NO_INSIDE_VIEWS } from '../train/insideViews';
import { useAppState, useRunFrame, useServices } from './appContext';
import './inside.css';
import { LayerPicture } from './LayerPicture';
import { SidePanel } from './SidePanel';
import { SlowMotionButton } from './SlowMotionPanel';

/** The views' numbers are taken from the run at most this often (ms). */
const REFRESH_MS = 200;
/** The gradient flow's log scale: norms from 10⁻⁸ to 10¹. */
const LOG_RANGE: [number, number] = [-8, 1];

/** "Input", "Layer 2", "Block 1 output": a slot as the diagram names it. */
function slotLabel(slots: ViewableSlot[], slot: ViewableSlot): string {
  if (slot.kind === 'input') return 'Input';
  if (slot.kind === 'hidden') return `Layer ${slot.layer + 1}`;
  return `Block ${slots.filter((s) => s.kind === 'block' && s.slot <= slot.slot).length} output`;
}

/** The dense layer's name in the gradient flow: hidden layers by number, then the output. */
function denseLabel(plan: NetworkPlan, index: number): string {
  return plan.dense[index].hidden ? `Layer ${index + 1}` : 'Output';
}

/** Where `value` sits on the log scale, as a share of the bar. */
function logShare(value: number): number {
  if (!(value > 0)) return 0;
  const [low, high] = LOG_RANGE;
  return Math.max(0, Math.min(1, (Math.log10(value) - low) / (high - low)));
}

const scientific = (value: number): string => (Number.isFinite(value) ? value.toExponential(1) : '—');

/** The panel's views, in order, by the section ids the jump buttons and lessons scroll to. */
const VIEWS: [InsideView, string][] = [
  ['layer-view', 'Layer view'],
  ['separability', 'Linear separability'],
  ['gradient-flow', 'Gradient flow'],
];
const scrollToView = (view: InsideView) => document.getElementById(`inside-${view}`)?.scrollIntoView({ block: 'start' });

/**
 * See inside: the chosen layer's view of the plane and the data (exact for two or three units,
 * else two principal components or two units picked), how linearly separable the classes are at every layer, and
 * the gradient flow, all computed by the engine the run trains on. In the side panel; Escape closes it.
 */
export function InsidePanel(): ReactNode {
  const { run } = useServices();
  const [plan, setPlan] = useState(run.plan);
  const [inside, setInside] = useState(run.snapshot.inside);
  const [parameters, setParameters] = useState(run.parameters);
  const [choice, setChoice] = useState<number | null>(null);
  useRunFrame(
    (current) => {
      setPlan(current.plan);
      setInside(current.snapshot.inside);
      setParameters(current.parameters);
    },
    [],
    REFRESH_MS,
  );
  const slots = useMemo(() => (plan ? viewableSlots(plan) : []), [plan]);
  const slot = slots.find((s) => s.slot === choice) ?? slots[slots.length - 1] ?? null;
  const classification = plan?.spec.task.kind === 'classification';

  useEffect(() => {
    if (plan && slot) run.seeInside({ layerSlot: slot.slot, gradientFlow: true, separability: classification });
  }, [run, plan, slot, classification]);
  useEffect(() => () => run.seeInside(NO_INSIDE_VIEWS), [run]);
  // A lesson that speaks of one view opens the panel scrolled to it: on a short screen it may lie below the fold.
  // Once per lesson, when the network's rows are there to scroll past (the browser's scroll anchoring keeps the view in place as pictures grow above it).
  const lessonView = useAppState((state) => LESSONS.find((lesson) => lesson.id === state.view.lesson)?.view ?? null);
  const scrolledFor = useRef<InsideView | null>(null);
  useEffect(() => {
    if (!lessonView || !plan || scrolledFor.current === lessonView) return;
    scrolledFor.current = lessonView;
    scrollToView(lessonView);
  }, [lessonView, plan]);

  return (
    <SidePanel label="See inside" className="inside-panel" actions={<SlowMotionButton />}>
      <nav className="inside-jump" aria-label="Views">
        {VIEWS.filter(([view]) => classification || view !== 'separability').map(([view, name]) => (
          <button key={view} type="button" className="small" aria-label={`Go to ${name}`} onClick={() => scrollToView(view)}>
            {name}
          </button>
        ))}
      </nav>
      <section id="inside-layer-view" aria-labelledby="layer-view-heading">
        <div className="panel-head">
          <h3 id="layer-view-heading">Layer view</h3>
          <label htmlFor="layer-view-slot">Layer</label>
          <select id="layer-view-slot" value={slot?.slot ?? ''} onChange={(event) => setChoice(Number(event.target.value))}>
              {slots.map((s) => (
                <option key={s.slot} value={s.slot}>
                  {slotLabel(slots, s)} ({s.width} {s.width === 1 ? 'unit' : 'units'})
                </option>
              ))}
          </select>
        </div>
        {plan && slot && <LayerPicture key={`${slot.slot}:${slot.width}`} plan={plan} slot={slot} label={slotLabel(slots, slot)} parameters={parameters} />}
      </section>
      {classification && (
        <section id="inside-separability" aria-labelledby="separability-heading">
          <h3 id="separability-heading">Linear separability</h3>
          <p className="hint">Accuracy of a linear classifier fitted to each layer’s activations over the training points.</p>
          <ul className="inside-bars" aria-label="Linear separability">
            {/* A row per slot from the start, "—" until its fit arrives, so that nothing below moves when it does. */}
            {slots.map((viewable) => {
              const accuracy = inside.separability?.find((fit) => fit.slot === viewable.slot)?.accuracy;
              return (
                <li key={viewable.slot}>
                  <span className="name">{slotLabel(slots, viewable)}</span>
                  <meter min={0} max={1} value={accuracy ?? 0} />
                  <span className="value">{accuracy === undefined ? '—' : `${(100 * accuracy).toFixed(0)}%`}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section id="inside-gradient-flow" aria-labelledby="gradient-flow-heading">
        <h3 id="gradient-flow-heading">Gradient flow</h3>
        <p className="hint">Per layer, on a log scale: the norm of the loss gradient of its weights, and how much the next update changes them (‖ΔW‖ / ‖W‖).</p>
        <table className="gradient-flow" aria-label="Gradient flow">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">‖∇W‖</th>
              <th scope="col">‖ΔW‖ / ‖W‖</th>
            </tr>
          </thead>
          <tbody>
            {plan &&
              plan.dense.map((_, layer) => {
                const flow = inside.gradientFlow?.find((f) => f.layer === layer) ?? { gradientNorm: NaN, updateNorm: NaN, weightNorm: NaN };
                const ratio = flow.weightNorm > 0 ? flow.updateNorm / flow.weightNorm : NaN;
                return (
                  <tr key={layer}>
                    <th scope="row">{denseLabel(plan, layer)}</th>
                    <td>
                      <span className="bar" style={{ width: `${100 * logShare(flow.gradientNorm)}%` }} />
                      <span className="value">{scientific(flow.gradientNorm)}</span>
                    </td>
                    <td>
                      <span className="bar update" style={{ width: `${100 * logShare(ratio)}%` }} />
                      <span className="value">{scientific(ratio)}</span>
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </section>
    </SidePanel>
  );
}
