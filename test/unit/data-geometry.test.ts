import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_PRESETS, REGRESSION_PRESETS, type PresetName } from '../../src/data/presets/registry';
import type { Dataset } from '../../src/core/dataset';
import { generateDataset } from '../../src/data/presets';
import { blobCentre } from '../../src/data/presets/blobs';
import { checkerboardClass } from '../../src/data/presets/checkerboard';
import { CIRCLE_RADII } from '../../src/data/presets/circle';
import { GAUSS_CENTRES } from '../../src/data/presets/gauss';
import { clusterSigma } from '../../src/data/presets/geometry';
import { MOON_RADIUS } from '../../src/data/presets/moons';
import { gaussSurface, planeSurface, sineSurface } from '../../src/data/presets/regression';
import { ringRadii } from '../../src/data/presets/rings';
import { spiralArmPoint } from '../../src/data/presets/spiral';
import { XOR_MARGIN } from '../../src/data/presets/xor';

const make = (preset: PresetName, noise: number, classes = 2, points = 600, seed = 3): Dataset =>
  generateDataset({ preset, points, noise, classes, seed, trainFraction: 0.7 });

/** Calls visit(x1, x2, label) for every point. */
function eachPoint(dataset: Dataset, visit: (x1: number, x2: number, label: number) => void): void {
  for (let i = 0; i < dataset.labels.length; i++) visit(dataset.points[2 * i], dataset.points[2 * i + 1], dataset.labels[i]);
}

/** Per class: the smallest and largest distance from the origin. */
function radiusRanges(dataset: Dataset, classes: number): [number, number][] {
  const ranges: [number, number][] = Array.from({ length: classes }, () => [Infinity, -Infinity]);
  eachPoint(dataset, (x1, x2, label) => {
    const r = Math.hypot(x1, x2);
    ranges[label] = [Math.min(ranges[label][0], r), Math.max(ranges[label][1], r)];
  });
  return ranges;
}

/** Share of the points whose nearest other point has a different label. */
function neighbourDisagreement(dataset: Dataset): number {
  const n = dataset.labels.length;
  let disagree = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let bestLabel = -1;
    for (let j = 0; j < n; j++) {
      const d = j === i ? Infinity : (dataset.points[2 * i] - dataset.points[2 * j]) ** 2 + (dataset.points[2 * i + 1] - dataset.points[2 * j + 1]) ** 2;
      if (d < best) [best, bestLabel] = [d, dataset.labels[j]];
    }
    if (bestLabel !== dataset.labels[i]) disagree++;
  }
  return disagree / n;
}

describe('preset geometry at noise 0', () => {
  it('circle: class 0 fills the inner disc, class 1 the outer ring', () => {
    const [inner, outer] = radiusRanges(make('circle', 0), 2);
    expect(inner[1]).toBeLessThanOrEqual(CIRCLE_RADII.inner[1]);
    expect(outer[0]).toBeGreaterThanOrEqual(CIRCLE_RADII.outer[0]);
    expect(outer[1]).toBeLessThanOrEqual(CIRCLE_RADII.outer[1]);
  });

  it('xor: the label is the sign of x1·x2, with a gap around both axes', () => {
    eachPoint(make('xor', 0), (x1, x2, label) => {
      expect(label).toBe(x1 * x2 > 0 ? 1 : 0);
      expect(Math.min(Math.abs(x1), Math.abs(x2))).toBeGreaterThanOrEqual(XOR_MARGIN);
    });
  });

  it('xor: all four quadrants are used', () => {
    const quadrants = new Set<string>();
    eachPoint(make('xor', 0), (x1, x2) => quadrants.add(`${Math.sign(x1)},${Math.sign(x2)}`));
    expect(quadrants.size).toBe(4);
  });

  it('gauss: each class is a Gaussian cluster of σ 0.1·7.07 around its centre', () => {
    const dataset = make('gauss', 0, 2, 2000);
    for (const label of [0, 1]) {
      const own = [...dataset.labels.keys()].filter((i) => dataset.labels[i] === label);
      const [c1, c2] = GAUSS_CENTRES[label];
      const mean1 = own.reduce((s, i) => s + dataset.points[2 * i], 0) / own.length;
      const mean2 = own.reduce((s, i) => s + dataset.points[2 * i + 1], 0) / own.length;
      expect(Math.hypot(mean1 - c1, mean2 - c2)).toBeLessThan(0.1);
      const variance = own.reduce((s, i) => s + (dataset.points[2 * i] - c1) ** 2, 0) / own.length;
      expect(Math.sqrt(variance) / clusterSigma(0, 5 * Math.SQRT2)).toBeCloseTo(1, 1);
    }
  });

  for (const classes of [2, 3, 6]) {
    it(`spiral with ${classes} arms: every point lies on its own arm, away from the other arms`, () => {
      const arms = Array.from({ length: classes }, (_, arm) => Array.from({ length: 4001 }, (_, s) => spiralArmPoint(s / 4000, arm, classes)));
      const distanceToArm = (x1: number, x2: number, arm: number) => Math.min(...arms[arm].map(([a1, a2]) => Math.hypot(x1 - a1, x2 - a2)));
      eachPoint(make('spiral', 0, classes, 300), (x1, x2, label) => {
        expect(distanceToArm(x1, x2, label)).toBeLessThan(0.01);
        if (Math.hypot(x1, x2) < 1.5) return;
        for (let other = 0; other < classes; other++) if (other !== label) expect(distanceToArm(x1, x2, other)).toBeGreaterThan(0.5);
      });
    });
  }

  it('moons: class 0 on the upper arc about (−0.5, −0.25)·R, class 1 on the lower arc about (0.5, 0.25)·R', () => {
    eachPoint(make('moons', 0), (x1, x2, label) => {
      const [c1, c2] = label === 0 ? [-0.5, -0.25] : [0.5, 0.25];
      const u1 = x1 / MOON_RADIUS - c1;
      const u2 = x2 / MOON_RADIUS - c2;
      // Points are kept to thousandths (src/core/coordinates.ts).
      expect(Math.abs(Math.hypot(u1, u2) - 1)).toBeLessThan(1e-3 / MOON_RADIUS);
      expect(label === 0 ? u2 : -u2).toBeGreaterThanOrEqual(-1e-3 / MOON_RADIUS);
    });
  });

  it('checkerboard: the label is the colour of the cell, and all 16 cells are used', () => {
    const cells = new Set<string>();
    eachPoint(make('checkerboard', 0, 2, 2000), (x1, x2, label) => {
      expect(label).toBe(checkerboardClass(x1, x2));
      cells.add(`${Math.floor(x1 / 3)},${Math.floor(x2 / 3)}`);
    });
    expect(cells.size).toBe(16);
  });

  for (const classes of [2, 4, 6]) {
    it(`rings with ${classes} classes: the radius grows with the class`, () => {
      const ranges = radiusRanges(make('rings', 0, classes), classes);
      ranges.forEach(([lo, hi], label) => {
        const [inner, outer] = ringRadii(label, classes);
        expect(lo).toBeGreaterThanOrEqual(inner);
        expect(hi).toBeLessThanOrEqual(outer);
        if (label > 0) expect(lo).toBeGreaterThan(ranges[label - 1][1]);
      });
    });
  }

  for (const classes of [2, 3, 5, 6]) {
    it(`blobs with ${classes} classes: k separate clusters, each point nearest its own centre`, () => {
      const dataset = make('blobs', 0, classes, 1200);
      const centres = Array.from({ length: classes }, (_, label) => blobCentre(label, classes));
      for (let a = 0; a < classes; a++) for (let b = a + 1; b < classes; b++) expect(Math.hypot(centres[a][0] - centres[b][0], centres[a][1] - centres[b][1])).toBeGreaterThan(3);
      const sums = centres.map(() => [0, 0, 0]);
      eachPoint(dataset, (x1, x2, label) => {
        const distances = centres.map(([c1, c2]) => Math.hypot(x1 - c1, x2 - c2));
        expect(distances.indexOf(Math.min(...distances))).toBe(label);
        sums[label][0] += x1;
        sums[label][1] += x2;
        sums[label][2]++;
      });
      sums.forEach(([s1, s2, count], label) => {
        expect(Math.hypot(s1 / count - centres[label][0], s2 / count - centres[label][1])).toBeLessThan(0.15);
      });
    });
  }

  const surfaces = { 'reg-plane': planeSurface, 'reg-gauss': gaussSurface, 'reg-sine': sineSurface };
  for (const preset of REGRESSION_PRESETS) {
    it(`${preset}: targets lie on the surface at noise 0; noise adds σ = 0.3·noise`, () => {
      eachPoint(make(preset, 0), (x1, x2, label) => expect(label).toBe(surfaces[preset](x1, x2)));
      const noisy = make(preset, 0.5, 2, 4000);
      let squares = 0;
      eachPoint(noisy, (x1, x2, label) => (squares += (label - surfaces[preset](x1, x2)) ** 2));
      expect(Math.sqrt(squares / 4000)).toBeCloseTo(0.15, 1);
    });
  }
});

describe('noise mixes the classes', () => {
  for (const preset of CLASSIFICATION_PRESETS) {
    it(`${preset}: neighbours disagree more as noise grows`, () => {
      const at = (noise: number) => neighbourDisagreement(make(preset, noise, 3, 500));
      const [clean, some, lots] = [at(0), at(0.2), at(1)];
      expect(clean).toBeLessThan(0.05);
      expect(lots).toBeGreaterThan(some);
      expect(some).toBeLessThan(0.05);
      expect(lots).toBeGreaterThan(0.1);
    });
  }
});
