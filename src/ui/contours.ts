/**
 * Where the model changes its mind: the lines between classes on the plane, found by marching
 * squares over the grid of outputs. Coordinates are in grid samples: sample (i, j) is at (i, j).
 */

/** Segments as a flat list x1, y1, x2, y2, x1, y1, … in sample coordinates. */
export type Segments = number[];

/**
 * The zero line of a field sampled on a width × height grid (row-major): one or two segments per
 * square of four samples whose signs differ, at the linearly interpolated crossings.
 */
export function zeroContour(field: ArrayLike<number>, width: number, height: number, out: Segments = []): Segments {
  const crossing = (i0: number, j0: number, v0: number, i1: number, j1: number, v1: number): [number, number] => {
    const t = v0 / (v0 - v1);
    return [i0 + t * (i1 - i0), j0 + t * (j1 - j0)];
  };
  for (let j = 0; j + 1 < height; j++) {
    for (let i = 0; i + 1 < width; i++) {
      // Corners clockwise from the top left: a b / d c.
      const a = field[j * width + i];
      const b = field[j * width + i + 1];
      const c = field[(j + 1) * width + i + 1];
      const d = field[(j + 1) * width + i];
      const [pa, pb, pc, pd] = [a > 0, b > 0, c > 0, d > 0];
      if (pa === pb && pb === pc && pc === pd) continue;
      const top = pa !== pb ? crossing(i, j, a, i + 1, j, b) : null;
      const right = pb !== pc ? crossing(i + 1, j, b, i + 1, j + 1, c) : null;
      const bottom = pd !== pc ? crossing(i, j + 1, d, i + 1, j + 1, c) : null;
      const left = pa !== pd ? crossing(i, j, a, i, j + 1, d) : null;
      const points = [top, right, bottom, left].filter((p) => p !== null);
      if (points.length === 2) {
        out.push(...points[0], ...points[1]);
      } else {
        // A saddle: the centre's sign says which pair of opposite corners is joined.
        const centreLikeA = (a + b + c + d) / 4 > 0 === pa;
        if (centreLikeA) out.push(...top!, ...right!, ...bottom!, ...left!);
        else out.push(...left!, ...top!, ...right!, ...bottom!);
      }
    }
  }
  return out;
}

/** The lines where a field sampled on a width × height grid equals `level` (a regression's isolines). */
export function levelContour(field: ArrayLike<number>, level: number, width: number, height: number, out: Segments = []): Segments {
  const shifted = new Float64Array(width * height);
  for (let k = 0; k < shifted.length; k++) shifted[k] = field[k] - level;
  return zeroContour(shifted, width, height, out);
}

/** log p, kept finite where a probability has reached 0. */
export const logProbability = (p: number): number => Math.log(Math.max(p, 1e-30));

/**
 * The borders between classes over a grid of classifier outputs: for 2 classes `values` holds
 * p(class 1) per sample and the border is p = 0.5; for k classes it holds k probabilities per
 * sample, and each class's border is where it stops being the likeliest. The fields are compared
 * in log space, which is linear in the model's logits, so a confident model's border runs between
 * the samples where its logits cross rather than halfway between saturated ones.
 */
export function classBorders(values: ArrayLike<number>, classes: number, width: number, height: number): Segments {
  const cells = width * height;
  const field = new Float64Array(cells);
  if (classes === 2) {
    for (let cell = 0; cell < cells; cell++) field[cell] = logProbability(values[cell]) - logProbability(1 - values[cell]);
    return zeroContour(field, width, height);
  }
  const out: Segments = [];
  for (let c = 0; c < classes; c++) {
    for (let cell = 0; cell < cells; cell++) {
      let rival = -Infinity;
      for (let other = 0; other < classes; other++) if (other !== c) rival = Math.max(rival, values[cell * classes + other]);
      field[cell] = logProbability(values[cell * classes + c]) - logProbability(rival);
    }
    zeroContour(field, width, height, out);
  }
  return out;
}
