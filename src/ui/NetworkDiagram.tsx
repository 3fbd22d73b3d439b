import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FEATURE_NAMES, type FeatureName } from '../core/features';
import { buildModelSpec, planNetwork, type NetworkPlan } from '../core/network';
import { outputWidth } from '../core/task';
import { useAppState, useRunFrame, useRunStatus, useServices } from './appContext';
import { useDataTask } from './configTask';
import { useDrawnVersion, useViewSize } from './drawnView';
import { drawLinks, drawSkips, drawThumbnails, planMatches, type DiagramPick, type OnPick, type ShowTooltip } from './diagramDraw';
import { layoutDiagram } from './diagramLayout';
import { FeatureToggle } from './FeatureToggle';
import { labelRange } from './heatmap';
import { LayerHeader, LayerStrip } from './LayerHeader';
import { hiddenWidths, setLayerWidth } from './modelEdits';
import { updateConfig, updateView } from './store';
import { useShown } from './Hideable';
import { ParameterPopover } from './ParameterPopover';
import { useLinkPull } from './useLinkPull';
import { useUnitKeys } from './useUnitKeys';

/** Width the parameter popover is kept inside the diagram with (px). */
const POPOVER_WIDTH = 240;

/** The features with `name` switched on or off; the last feature stays. */
function toggled(features: FeatureName[], name: FeatureName): FeatureName[] {
  if (!features.includes(name)) return FEATURE_NAMES.filter((f) => f === name || features.includes(f));
  return features.length > 1 ? features.filter((f) => f !== name) : features;
}

/**
 * The network: input features (toggles), hidden layers as neuron thumbnails of their activation
 * over the plane, links coloured by sign and thickened by |w|, and the output. React lays out
 * the controls; d3 draws the links and thumbnails whenever the run has new numbers.
 */
export function NetworkDiagram(): ReactNode {
  const { store, run } = useServices();
  const status = useRunStatus();
  const linkValues = useAppState((state) => state.linkValues);
  const model = useAppState((state) => state.config.model);
  const task = useDataTask();
  const selected = useAppState((state) => state.view.selectedLayer);
  const featuresShown = useShown('features');
  const layersShown = useShown('layers');
  const container = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const thumbnails = useRef<HTMLDivElement>(null);
  const size = useViewSize(container);
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);

  const widths = hiddenWidths(model);
  const outputs = outputWidth(task);
  const widthsKey = widths.join(',');
  const layout = useMemo(
    () => layoutDiagram(FEATURE_NAMES.length, widthsKey === '' ? [] : widthsKey.split(',').map(Number), outputs, size.width, size.height),
    [widthsKey, outputs, size.width, size.height],
  );

  const tooltip: ShowTooltip = (text, event) => {
    if (text === null || !event) return setTip(null);
    const box = container.current!.getBoundingClientRect();
    setTip({ text, x: event.clientX - box.left, y: event.clientY - box.top });
  };

  // A click on a hidden unit shows its output on the plane (on an output unit, the model's again); while paused it also opens its parameters for typing.
  const [popover, setPopover] = useState<{ pick: DiagramPick; x: number; y: number; plan: NetworkPlan; parameters: Float32Array } | null>(null);
  const { pull, pulled } = useLinkPull(store, run, tooltip);
  const keys = useUnitKeys(thumbnails, layout);
  const pick: OnPick = (picked, at) => {
    const plan = run.plan;
    if (!plan || pulled.current) return;
    if (picked.kind === 'unit') updateView(store, { focus: plan.dense[picked.layer].hidden ? { layer: picked.layer, unit: picked.unit } : null });
    if (run.status.playing || !run.parameters) return;
    const box = container.current!.getBoundingClientRect();
    setTip(null);
    setPopover({ pick: picked, x: Math.max(0, Math.min(at.clientX - box.left, box.width - POPOVER_WIDTH)), y: Math.max(0, at.clientY - box.top - 8), plan, parameters: run.parameters });
  };
  useEffect(() => setPopover(null), [widthsKey, outputs, status.playing]);

  const closePopover = () => {
    const picked = popover?.pick;
    setPopover(null);
    if (picked?.kind === 'unit') keys.focusUnit({ layer: picked.layer, row: picked.unit });
  };
  // A neuron shown on the plane goes when its layer loses it.
  useEffect(() => {
    const { focus } = store.getState().view;
    const widths = widthsKey === '' ? [] : widthsKey.split(',').map(Number);
    if (focus && !(focus.layer < widths.length && focus.unit < widths[focus.layer])) updateView(store, { focus: null });
  }, [store, widthsKey]);

  // The network's shape from the settings: what the diagram shows, without numbers, until the model is built.
  const settingsPlan = useMemo(() => planNetwork(buildModelSpec(model, task)), [model, task]);
  const linksDrawn = useDrawnVersion();
  const thumbnailsDrawn = useDrawnVersion();
  useRunFrame(
    (current) => {
      if (size.width === 0) return;
      const built = current.plan !== null && planMatches(layout, current.plan);
      const plan = built ? current.plan! : settingsPlan;
      if (!planMatches(layout, plan)) return;
      const [parameters, neurons, grid] = built ? [current.parameters, current.neurons, current.grid] : [null, null, null];
      const shown = built ? linkValues : null;
      if (linksDrawn.changed(layout, plan, parameters, shown)) {
        drawLinks(svg.current!, layout, plan, parameters, tooltip, pick, pull, shown);
        drawSkips(svg.current!, layout, model.arch === 'resnet' ? model.blocks : 0);
      }
      if (thumbnailsDrawn.changed(layout, plan, neurons, grid, parameters)) {
        const range = current.dataset?.task.kind === 'regression' ? labelRange(current.dataset) : 1;
        drawThumbnails(thumbnails.current!, layout, plan, neurons, grid, parameters, range, tooltip, pick, keys.roving.current);
      }
    },
    [layout, model.arch, model.blocks, settingsPlan, linkValues],
  );

  const editWidth = (layer: number, neurons: number) => updateConfig(store, (config) => (config.model = setLayerWidth(config.model, layer, neurons)));
  const [inputs, ...rest] = layout.columns;
  const hidden = rest.slice(0, -1);
  return (
    <div ref={container} className="diagram" role="group" aria-label="Network diagram">
      <svg ref={svg} className="diagram-links" width={size.width} height={size.height} aria-hidden="true">
        <defs>
          <marker id="skip-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        </defs>
        <g className="skips" />
        <g className="links" />
        <g className="link-hits" />
      </svg>
      <div ref={thumbnails} className="diagram-thumbnails" onKeyDown={keys.onKeyDown} onFocus={keys.onFocus} />
      {inputs.nodes.map((node) => (
        <FeatureToggle
          key={node.index}
          name={FEATURE_NAMES[node.index]}
          active={model.features.includes(FEATURE_NAMES[node.index])}
          x={node.x}
          y={node.y}
          size={layout.node}
          locked={!featuresShown}
          onToggle={() => updateConfig(store, (config) => (config.model.features = toggled(config.model.features, FEATURE_NAMES[node.index])))}
        />
      ))}
      {layout.summary && (
        <span className="layers-summary" style={{ left: layout.summary.x, top: layout.summary.y }}>
          {layout.summary.text}
        </span>
      )}
      {layersShown && layout.headers === 'strip' && (
        <LayerStrip layers={hidden.map((column) => ({ neurons: column.width, x: column.x }))} step={layout.step} selected={selected} onSelect={(i) => updateView(store, { selectedLayer: i })} />
      )}
      {layersShown &&
        layout.headers === 'full' &&
        hidden.map((column, i) => (
          <LayerHeader
            key={i}
            layer={i + 1}
            neurons={column.width}
            x={column.x}
            selected={selected === i}
            onChange={(neurons) => editWidth(i, neurons)}
            onSelect={() => updateView(store, { selectedLayer: i })}
          />
        ))}
      {layout.more.map((label, i) => (
        <span key={i} className="more" style={{ left: label.x, top: label.y }}>
          {label.text}
        </span>
      ))}
      {popover && !status.playing && <ParameterPopover key={`${popover.pick.kind}:${popover.pick.name}`} {...popover} onClose={closePopover} />}
      {tip && (
        <div className="tooltip" role="tooltip" style={{ left: tip.x + 12, top: tip.y + 12 }}>
          {tip.text}
        </div>
      )}
    </div>
  );
}
