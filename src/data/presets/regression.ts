import type { Preset } from './preset';
import type { RegressionSurface } from './geometry';

/** The regression presets' target surfaces over [−6, 6]²; points are uniform and noise adds N(0, (0.3·noise)²) to the target. */

/** reg-plane: a tilted plane, (2·x1 − x2)/18, exactly −1…1 at the corners. */
export const planeSurface: RegressionSurface = (x1, x2) => (2 * x1 - x2) / 18;

const bump = (x1: number, x2: number, c1: number, c2: number, width: number): number =>
  Math.exp(-((x1 - c1) ** 2 + (x2 - c2) ** 2) / (2 * width * width));

/** reg-gauss: a hill of height 1 at (−2, 2) and a pit of depth 1 at (2.5, −1.5). */
export const gaussSurface: RegressionSurface = (x1, x2) => bump(x1, x2, -2, 2, 1.8) - bump(x1, x2, 2.5, -1.5, 1.5);

/** reg-sine: (sin x1 + sin x2)/2, a grid of hills and pits; linear in the sin(x1), sin(x2) features. */
export const sineSurface: RegressionSurface = (x1, x2) => (Math.sin(x1) + Math.sin(x2)) / 2;

export const regPlane = { name: 'reg-plane', label: 'Regression: plane', kind: 'regression', surface: planeSurface } as const satisfies Preset;
export const regGauss = { name: 'reg-gauss', label: 'Regression: Gaussian', kind: 'regression', surface: gaussSurface } as const satisfies Preset;
export const regSine = { name: 'reg-sine', label: 'Regression: sine', kind: 'regression', surface: sineSurface } as const satisfies Preset;
