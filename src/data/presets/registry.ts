import type { PresetName } from '../../core/config';
import { sampleBlobs } from './blobs';
import { sampleCheckerboard } from './checkerboard';
import { sampleCircle } from './circle';
import { sampleGauss } from './gauss';
import type { ClassSampler, RegressionSurface } from './geometry';
import { sampleMoons } from './moons';
import { gaussSurface, planeSurface, sineSurface } from './regression';
import { sampleRings } from './rings';
import { sampleSpiral } from './spiral';
import { sampleXor } from './xor';

/** How each preset makes its points: a class sampler (with or without a class count) or a target surface. */
export type PresetGenerator =
  | { kind: 'classification'; usesClasses: boolean; sample: ClassSampler }
  | { kind: 'regression'; surface: RegressionSurface };

const twoClass = (sample: ClassSampler): PresetGenerator => ({ kind: 'classification', usesClasses: false, sample });
const kClass = (sample: ClassSampler): PresetGenerator => ({ kind: 'classification', usesClasses: true, sample });
const regression = (surface: RegressionSurface): PresetGenerator => ({ kind: 'regression', surface });

/** Every preset by name. */
export const PRESET_GENERATORS: Record<PresetName, PresetGenerator> = {
  circle: twoClass(sampleCircle),
  xor: twoClass(sampleXor),
  gauss: twoClass(sampleGauss),
  spiral: kClass(sampleSpiral),
  moons: twoClass(sampleMoons),
  checkerboard: twoClass(sampleCheckerboard),
  rings: kClass(sampleRings),
  blobs: kClass(sampleBlobs),
  'reg-plane': regression(planeSurface),
  'reg-gauss': regression(gaussSurface),
  'reg-sine': regression(sineSurface),
};
