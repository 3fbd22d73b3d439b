import type { ExperimentConfig } from './config';
import { SETTING_KEYS, setting } from './settings';

/**
 * What the page calls each setting of the experiment (from src/core/settings.ts). Every message
 * about a setting that reaches the page (a bad link, data that cannot be generated) names it by
 * these words, never by its config path; config files, whose authors see the JSON, are the
 * exception (src/io/jsonPath.ts).
 */
export const SETTING_LABELS = Object.fromEntries(
  (['data', 'model', 'training'] as const).map((section) => [
    section,
    Object.fromEntries(
      SETTING_KEYS.map(setting)
        .filter((entry) => entry.section === section)
        .map((entry) => [entry.field, entry.label]),
    ),
  ]),
) as { [S in keyof ExperimentConfig]: Record<keyof ExperimentConfig[S], string> };

/** The names of one item of the list settings, as the layer editor and the feature toggles show them. */
export const SETTING_ITEM_LABELS: { [field: string]: (index: number) => string } = {
  hidden: (index) => `Neurons in layer ${index + 1}`,
  layerActivations: (index) => `Activation of layer ${index + 1}`,
  features: (index) => `Input feature ${index + 1}`,
};

/** The view settings a link carries, as the page labels them. */
export const VIEW_LABELS = { showTestData: 'Show test data', discretize: 'Discretize', logScale: 'Log scale', speed: 'Speed' } as const;
