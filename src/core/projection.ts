/**
 * The 2-D picture the layer view draws of a layer's activations: the activations themselves for
 * one or two units, else their two principal components over the data, turned to follow the
 * previous picture so that they do not flip or spin between updates while training.
 */

export interface Projection {
  width: number;
  /** Subtracted before projecting (zero for one or two units). */
  mean: Float64Array;
  /** Two orthonormal directions in the layer's space (the second zero for one unit). */
  axes: [Float64Array, Float64Array];
}

const POWER_ITERATIONS = 200;

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function normalise<T extends Float64Array>(v: T): T {
  const norm = Math.sqrt(dot(v, v));
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
  return v;
}

function unit(width: number, index: number): Float64Array {
  const v = new Float64Array(width);
  if (index < width) v[index] = 1;
  return v;
}

/** The leading eigenvector of the symmetric `matrix` (width × width) orthogonal to `against`, from `start`. */
function leadingDirection(matrix: Float64Array, width: number, start: Float64Array, against: Float64Array | null): Float64Array {
  let v: Float64Array = Float64Array.from(start);
  const next = new Float64Array(width);
  const orthogonalise = (x: Float64Array): void => {
    if (!against) return;
    const along = dot(x, against);
    for (let i = 0; i < width; i++) x[i] -= along * against[i];
  };
  orthogonalise(v);
  // A start with nothing left after deflation: any direction orthogonal to `against` will do.
  for (let i = 0; dot(v, v) < 1e-24 && i < width; i++) {
    v = unit(width, i);
    orthogonalise(v);
  }
  normalise(v);
  for (let k = 0; k < POWER_ITERATIONS; k++) {
    for (let i = 0; i < width; i++) {
      let sum = 0;
      for (let j = 0; j < width; j++) sum += matrix[i * width + j] * v[j];
      next[i] = sum;
    }
    orthogonalise(next);
    if (dot(next, next) < 1e-300) break;
    v = normalise(Float64Array.from(next));
  }
  return v;
}

/**
 * The projection of `rows` rows of `width` activations: identity for one or two units, else the
 * two principal directions, turned (rotated or reflected in their plane) to best match
 * `previous` when it has the same width.
 */
export function projectionOf(values: ArrayLike<number>, rows: number, width: number, previous: Projection | null = null): Projection {
  if (width <= 2) return { width, mean: new Float64Array(width), axes: [unit(width, 0), unit(width, 1)] };
  const mean = new Float64Array(width);
  for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) mean[j] += values[r * width + j] / rows;
  const covariance = new Float64Array(width * width);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < width; i++) {
      const di = values[r * width + i] - mean[i];
      for (let j = 0; j < width; j++) covariance[i * width + j] += (di * (values[r * width + j] - mean[j])) / rows;
    }
  }
  const same = previous?.width === width ? previous : null;
  const first = leadingDirection(covariance, width, same?.axes[0] ?? normalise(Float64Array.from({ length: width }, (_, i) => 1 + i / width)), null);
  const second = leadingDirection(covariance, width, same?.axes[1] ?? unit(width, 1), first);
  return { width, mean, axes: same ? alignAxes([first, second], same.axes) : [first, second] };
}

/** `axes` turned within their plane (rotation or reflection) to lie as close as they can to `target`. */
function alignAxes([a1, a2]: [Float64Array, Float64Array], [p1, p2]: [Float64Array, Float64Array]): [Float64Array, Float64Array] {
  const m00 = dot(a1, p1);
  const m01 = dot(a1, p2);
  const m10 = dot(a2, p1);
  const m11 = dot(a2, p2);
  // New axes b = [a1 a2]·Q; maximise Σ b_j·p_j over rotations Q and over reflections.
  const rotation = Math.hypot(m00 + m11, m10 - m01);
  const reflection = Math.hypot(m00 - m11, m10 + m01);
  const reflect = reflection > rotation;
  const angle = reflect ? Math.atan2(m10 + m01, m00 - m11) : Math.atan2(m10 - m01, m00 + m11);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  // Columns of Q: rotation [[c, −s], [s, c]]; reflection [[c, s], [s, −c]].
  const [q00, q10, q01, q11] = reflect ? [c, s, s, -c] : [c, s, -s, c];
  const b1 = a1.map((x, i) => q00 * x + q10 * a2[i]);
  const b2 = a1.map((x, i) => q01 * x + q11 * a2[i]);
  return [b1, b2];
}

/** The 2-D points of `rows` rows of activations under `projection` (rows × 2). */
export function project(values: ArrayLike<number>, rows: number, projection: Projection): Float64Array {
  const { width, mean, axes } = projection;
  const points = new Float64Array(2 * rows);
  for (let r = 0; r < rows; r++) {
    let x = 0;
    let y = 0;
    for (let j = 0; j < width; j++) {
      const centred = values[r * width + j] - mean[j];
      x += centred * axes[0][j];
      y += centred * axes[1][j];
    }
    points[2 * r] = x;
    points[2 * r + 1] = y;
  }
  return points;
}

/** A line a·x + b·y + c = 0 of the 2-D picture. */
export interface PictureLine {
  a: number;
  b: number;
  c: number;
}

/**
 * The logit w·h + b of one output unit as a function of the picture's (x, y), a·x + b·y + c: its
 * zero is where the output's decision boundary w·h + b = 0 (two classes) meets the
 * plane of the picture h = mean + x·axis₀ + y·axis₁: exact for two units, the boundary's trace in
 * the projection's plane otherwise. `weights` and `bias` are one output unit's.
 */
export function boundaryInPicture(weights: ArrayLike<number>, bias: number, projection: Projection): PictureLine {
  return { a: dot(weights, projection.axes[0]), b: dot(weights, projection.axes[1]), c: dot(weights, projection.mean) + bias };
}

/**
 * The picture of units `horizontal` and `vertical` themselves (exact coordinates), its plane
 * h = mean + x·e_horizontal + y·e_vertical passing through the data's mean in the other units:
 * the output's regions drawn in it are a slice through the mean.
 */
export function unitsProjection(values: ArrayLike<number>, rows: number, width: number, horizontal: number, vertical: number): Projection {
  if (!(horizontal >= 0 && horizontal < width && vertical >= 0 && vertical < width && horizontal !== vertical)) {
    throw new RangeError(`layer view: the horizontal and vertical units must be two different units of 1 to ${width}, got ${horizontal + 1} and ${vertical + 1}`);
  }
  const mean = new Float64Array(width);
  for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) mean[j] += values[r * width + j] / rows;
  mean[horizontal] = 0;
  mean[vertical] = 0;
  return { width, mean, axes: [unit(width, horizontal), unit(width, vertical)] };
}

/** The point of the layer's space h = mean + x·axis₀ + y·axis₁ that the picture shows at (x, y). */
export function layerPoint(projection: Projection, x: number, y: number): Float64Array {
  const { mean, axes } = projection;
  return mean.map((m, j) => m + x * axes[0][j] + y * axes[1][j]);
}
