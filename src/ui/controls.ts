import { VIEW_LABELS } from '../core/settingLabels';
import { SETTINGS, SETTING_KEYS, setting } from '../core/settings';

/** The settings the settings bar shows, by control id (each entry of the table of settings with a `bar`). */
type BarControl = Extract<(typeof SETTINGS)[keyof typeof SETTINGS], { bar: string }>['control'];

const BAR_CONTROLS = Object.fromEntries(
  SETTING_KEYS.map(setting)
    .filter((entry) => entry.bar !== undefined)
    .map((entry) => [entry.control, entry.label]),
) as Record<BarControl, string>;

/**
 * The controls a shared link can leave out (`hide=lr,activation`), with the names the share panel
 * lists them by. Play, +1 epoch, Reset and Share link are not among them: a link can never hide what
 * a class needs to get the page going again and to set it up anew.
 */
export const CONTROLS = {
  lessons: 'Lessons',
  dataset: SETTINGS.dataset.label,
  regenerate: 'Regenerate',
  newWeights: 'New weights',
  classes: SETTINGS.classes.label,
  noise: SETTINGS.noise.label,
  trainFraction: 'Training data %',
  points: SETTINGS.points.label,
  drawing: 'Drawing tools',
  dataFiles: 'Data import and export',
  layers: 'Add and remove layers',
  layerEditor: 'Layer settings',
  features: SETTINGS.features.label,
  ...BAR_CONTROLS,
  weightsFiles: 'Weights import and export',
  showTestData: VIEW_LABELS.showTestData,
  discretize: VIEW_LABELS.discretize,
  logScale: VIEW_LABELS.logScale,
  speed: VIEW_LABELS.speed,
  pinRun: 'Pin run',
  compare: 'Compare',
  timeline: 'Timeline',
} as const;

export type ControlId = keyof typeof CONTROLS;

export const CONTROL_IDS = Object.keys(CONTROLS) as ControlId[];

/** The controls of the Data panel: when a link hides them all, the panel gives its column to the others. */
export const DATA_CONTROLS: readonly ControlId[] = ['dataset', 'regenerate', 'classes', 'noise', 'trainFraction', 'points', 'drawing', 'dataFiles'];
