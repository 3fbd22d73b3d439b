/** Input features computed from a raw point (x1, x2); the user picks which ones the model sees. */

export const FEATURE_NAMES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)', 'r', 'theta'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export const DEFAULT_FEATURES: readonly FeatureName[] = ['x1', 'x2'];

export function isFeatureName(name: string): name is FeatureName {
  return (FEATURE_NAMES as readonly string[]).includes(name);
}

/** Index of a feature in FEATURE_NAMES; the WGSL features kernel switches on it. */
export function featureCode(name: FeatureName): number {
  return FEATURE_NAMES.indexOf(name);
}

/** One feature of the point (x1, x2); `theta` is atan2(x2, x1) in radians. */
export function featureValue(name: FeatureName, x1: number, x2: number): number {
  switch (name) {
    case 'x1':
      return x1;
    case 'x2':
      return x2;
    case 'x1^2':
      return x1 * x1;
    case 'x2^2':
      return x2 * x2;
    case 'x1*x2':
      return x1 * x2;
    case 'sin(x1)':
      return Math.sin(x1);
    case 'sin(x2)':
      return Math.sin(x2);
    case 'r':
      return Math.sqrt(x1 * x1 + x2 * x2);
    case 'theta':
      return Math.atan2(x2, x1);
  }
}

/** Per-feature affine normalisation applied to the feature vector: (f − mean) / std. */
export interface Normalization {
  mean: number[];
  std: number[];
}

/**
 * Features of n points into `out` (n × names.length, row-major).
 * points: n × 2 row-major (x1, x2); normalisation, when given, is applied per feature.
 */
export function computeFeatures<T extends Float32Array | Float64Array>(
  points: ArrayLike<number>,
  names: readonly FeatureName[],
  out: T,
  normalization?: Normalization,
): T {
  const n = points.length / 2;
  const width = names.length;
  for (let row = 0; row < n; row++) {
    const x1 = points[2 * row];
    const x2 = points[2 * row + 1];
    for (let j = 0; j < width; j++) {
      const value = featureValue(names[j], x1, x2);
      out[row * width + j] = normalization ? (value - normalization.mean[j]) / normalization.std[j] : value;
    }
  }
  return out;
}

/** Mean and standard deviation of each feature over the given points (a constant feature gets std 1). */
export function fitNormalization(points: ArrayLike<number>, names: readonly FeatureName[]): Normalization {
  const n = points.length / 2;
  const features = computeFeatures(points, names, new Float64Array(n * names.length));
  const mean = names.map((_, j) => {
    let sum = 0;
    for (let row = 0; row < n; row++) sum += features[row * names.length + j];
    return n > 0 ? sum / n : 0;
  });
  const std = names.map((_, j) => {
    let sum = 0;
    for (let row = 0; row < n; row++) sum += (features[row * names.length + j] - mean[j]) ** 2;
    const deviation = n > 0 ? Math.sqrt(sum / n) : 0;
    return deviation > 1e-12 ? deviation : 1;
  });
  return { mean, std };
}
