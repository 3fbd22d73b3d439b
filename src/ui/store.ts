import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChallengeLink } from '../challenges/challengeLink';
import type { DataConfig, ExperimentConfig } from '../core/config';
import type { Dataset } from '../core/dataset';
import { deriveSeed } from '../core/rng';
import { SWEEP_AXES, type SweepAxis } from '../core/sweepAxes';
import { DEFAULT_SPEED } from '../core/speed';
import { resplit } from '../train/dataEdits';
import type { BackendChoice, Experiment, ParameterChange } from '../train/experiment';
import type { HistoryPoint } from '../train/history';
import type { ComparePreview } from './comparePreview';

/** How the page shows things; never per-step numbers. */
export interface ViewOptions {
  showTestData: boolean;
  discretize: boolean;
  logScale: boolean;
  /** The loss chart's epoch axis is logarithmic (the default: a fast run's start stays readable). */
  logEpochs: boolean;
  /** The most optimizer steps a second training takes (Infinity: Max); src/core/speed.ts. */
  speed: number;
  /** What a click on the plane does. */
  tool: 'none' | 'draw' | 'erase';
  /** Class (0-based) that drawn points get on classification data. */
  drawClass: number;
  /** The value drawn points get on regression data. */
  drawValue: number;
  /** Hidden layer (0-based) whose settings the layer editor shows. */
  selectedLayer: number;
  /** Ids of the controls left out of the page (src/ui/controls.ts). */
  hidden: string[];
  /** Large type for a projector. */
  present: boolean;
  /** The lesson the page was opened for, if any. */
  lesson: string | null;
  /** Which side panel is open. */
  panel: 'none' | 'lessons' | 'share' | 'computes' | 'challenges' | 'confusion' | 'inside' | 'compare';
  /** One step in slow motion is shown under the network diagram (training is paused). */
  slowMotion: boolean;
  /** The hidden neuron whose output fills the plane instead of the model's (dense layer index, unit), if any. */
  focus: NeuronRef | null;
}

/** A number per parameter (plan order) for the diagram's links to show, and what they are. */
export interface LinkValues {
  name: string;
  values: Float32Array;
}

/** One unit of one dense layer. */
export interface NeuronRef {
  layer: number;
  unit: number;
}

/** A message for the user: errors go to the alert region, the rest to a polite status line. */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** The data as one edit leaves it: its config and the custom points. */
export interface DataState {
  data: DataConfig;
  custom: Dataset | null;
}

/** One parameter (a weight or a bias) typed by hand: its index in the flat parameter vector, before and after. */
export interface ParameterEdit {
  index: number;
  before: number;
  after: number;
}

/** What Undo takes back: a data state (the one before the edit, or after it on the Redo side), or the parameters typed at once. */
export type Edit = { kind: 'data'; data: DataState } | { kind: 'parameters'; edits: ParameterEdit[] };

/** Edits that Undo can take back, most recent last. */
export const UNDO_LIMIT = 50;

/**
 * The page's state, and the one owner of the experiment: the config, the custom data (drawn or
 * imported points) and the backend choice, which the run follows; view flags, the notice, and
 * the history of data edits for Undo and Redo.
 */
export interface AppState extends Experiment {
  view: ViewOptions;
  notice: Notice | null;
  /** A run's loss curves kept as a faint reference on the chart. */
  pinned: readonly HistoryPoint[] | null;
  /** The challenge the student works on (and the solution a link claims), if any. */
  challenge: ChallengeLink | null;
  /** The settings compare mode varies and their values (kept while the view is closed). */
  compare: readonly SweepAxis[];
  /** The compare-mode run the main plane previews (its tile is pointed at or focused), if any. */
  comparePreview: ComparePreview | null;
  edits: { past: readonly Edit[]; future: readonly Edit[] };
  /** Numbers the diagram's links show instead of the weights (the slow-motion step's gradients), if any. */
  linkValues: LinkValues | null;
  /** The latest parameter values set by an edit, an Undo or a Redo, which the run puts into its model; null until one is. */
  parameterChange: ParameterChange[] | null;
}

export type AppStore = StoreApi<AppState>;

export function defaultView(): ViewOptions {
  return { showTestData: false, discretize: false, logScale: false, logEpochs: true, speed: DEFAULT_SPEED, tool: 'none', drawClass: 0, drawValue: 0, selectedLayer: 0, hidden: [], present: false, lesson: null, panel: 'none', focus: null, slowMotion: false };
}

/** The sweep compare mode starts with: 4 training seeds × 4 learning rates. */
export function defaultSweep(): SweepAxis[] {
  return [
    { key: 'seed', values: [...SWEEP_AXES.seed.defaults] },
    { key: 'lr', values: [...SWEEP_AXES.lr.defaults] },
  ];
}

/** A plain store outside React; components read it with zustand's useStore. */
export function createAppStore(config: ExperimentConfig, custom: Dataset | null = null, backend: BackendChoice = 'auto'): AppStore {
  return createStore<AppState>()(() => ({ config, custom, backend, view: defaultView(), notice: null, pinned: null, challenge: null, compare: defaultSweep(), comparePreview: null, edits: { past: [], future: [] }, parameterChange: null, linkValues: null }));
}

/** Replaces the config with an edited copy (the old object is never mutated, so changes are seen by identity). */
export function updateConfig(store: AppStore, edit: (draft: ExperimentConfig) => void): void {
  const draft = structuredClone(store.getState().config);
  edit(draft);
  store.setState({ config: draft });
}

/** Each New weights press moves the weight seed on by a fixed rule, so a class can retrace its restarts. */
const NEW_WEIGHTS_SALT = 0x1417;

/** Fresh initial weights from a new weight seed (training.seed): a random restart. */
export function drawNewWeights(store: AppStore): void {
  updateConfig(store, (config) => (config.training.seed = deriveSeed(config.training.seed, NEW_WEIGHTS_SALT)));
}

export function updateView(store: AppStore, patch: Partial<ViewOptions>): void {
  store.setState({ view: { ...store.getState().view, ...patch } });
}

/** The diagram's links show these numbers (null: the weights again). */
export function showLinkValues(store: AppStore, linkValues: LinkValues | null): void {
  store.setState({ linkValues });
}

export function showNotice(store: AppStore, notice: Notice | null): void {
  store.setState({ notice });
}

function currentData(state: AppState): DataState {
  return { data: state.config.data, custom: state.custom };
}

/** Puts a data state in the store; `record` keeps the one before it for Undo (and forgets what Redo had). */
function putData(store: AppStore, next: DataState, record: boolean): void {
  const state = store.getState();
  const edits = record ? { past: [...state.edits.past, { kind: 'data' as const, data: currentData(state) }].slice(-UNDO_LIMIT), future: [] } : state.edits;
  store.setState({ config: { ...state.config, data: next.data }, custom: next.custom, edits });
}

/**
 * An edit of the data settings (dataset, noise, points, classes, training share, Regenerate), undoable.
 * On custom data a new seed or training share splits the points anew into training and test data.
 */
export function editData(store: AppStore, edit: (draft: DataConfig) => void): void {
  const { config, custom } = store.getState();
  const data = structuredClone(config.data);
  edit(data);
  if (JSON.stringify(data) === JSON.stringify(config.data)) return;
  const resplitNeeded = data.preset === 'custom' && custom !== null && (data.seed !== config.data.seed || data.trainFraction !== config.data.trainFraction);
  putData(store, { data, custom: resplitNeeded ? resplit(custom, data.trainFraction, data.seed) : custom }, true);
}

/**
 * Replaces the data with drawn, erased, cleared or imported points, undoable. `continuing` marks
 * a later point of one stroke: the stroke is undone as a whole.
 */
export function setCustomData(store: AppStore, dataset: Dataset, continuing = false): void {
  const { config } = store.getState();
  putData(store, { data: { ...config.data, preset: 'custom' }, custom: dataset }, !continuing);
}

/**
 * Sets weights or biases of the model to typed values, as one undoable edit; each `before` is the
 * value now. Values typed unchanged are no edit. The run puts the values into its model (`parameterChange`).
 */
export function editParameters(store: AppStore, typed: ParameterEdit[]): void {
  const edits = typed.filter(({ before, after }) => !Object.is(before, after));
  if (edits.length === 0) return;
  const { edits: history } = store.getState();
  store.setState({
    parameterChange: edits.map(({ index, after }) => ({ index, value: after })),
    edits: { past: [...history.past, { kind: 'parameters' as const, edits }].slice(-UNDO_LIMIT), future: [] },
  });
}

/**
 * Puts values into the model while a weight or bias is being dragged, with no history: the drag's
 * end makes its one undoable edit (editParameters, from the value before the drag).
 */
export function previewParameters(store: AppStore, changes: ParameterChange[]): void {
  store.setState({ parameterChange: changes });
}

/** The state that an edit taken back (or made again) leaves, and the entry for the other side of the history. */
function swap(state: AppState, entry: Edit, direction: 'undo' | 'redo'): { patch: Partial<AppState>; other: Edit } {
  if (entry.kind === 'parameters') {
    return { patch: { parameterChange: entry.edits.map(({ index, before, after }) => ({ index, value: direction === 'undo' ? before : after })) }, other: entry };
  }
  return { patch: { config: { ...state.config, data: entry.data.data }, custom: entry.data.custom }, other: { kind: 'data', data: currentData(state) } };
}

/** Takes back the last edit (of the data, or of a weight or bias); false when there is none. */
export function undoEdit(store: AppStore): boolean {
  const state = store.getState();
  const previous = state.edits.past.at(-1);
  if (!previous) return false;
  const { patch, other } = swap(state, previous, 'undo');
  store.setState({ ...patch, edits: { past: state.edits.past.slice(0, -1), future: [...state.edits.future, other] } });
  return true;
}

/** Makes the last undone edit again; false when there is none. */
export function redoEdit(store: AppStore): boolean {
  const state = store.getState();
  const next = state.edits.future.at(-1);
  if (!next) return false;
  const { patch, other } = swap(state, next, 'redo');
  store.setState({ ...patch, edits: { past: [...state.edits.past, other], future: state.edits.future.slice(0, -1) } });
  return true;
}
