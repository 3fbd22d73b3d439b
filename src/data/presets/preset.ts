import type { ClassSampler, RegressionSurface } from './geometry';

/**
 * One dataset preset: its name (in configs, links and `--preset`), what the page calls it, and
 * how it makes its points: a class sampler (with or without a class count) or a target surface.
 * A new preset is a file that exports one of these, and its line in registry.ts.
 */
export type Preset =
  | { name: string; label: string; kind: 'classification'; usesClasses: boolean; sample: ClassSampler }
  | { name: string; label: string; kind: 'regression'; surface: RegressionSurface };
