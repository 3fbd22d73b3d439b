import commonSource from '../../shaders/common.wgsl?raw';
import denseForwardSource from '../../shaders/dense_forward.wgsl?raw';
import denseInputGradSource from '../../shaders/dense_input_grad.wgsl?raw';
import denseWeightGradSource from '../../shaders/dense_weight_grad.wgsl?raw';
import featuresSource from '../../shaders/features.wgsl?raw';
import fusedForwardSource from '../../shaders/fused_forward.wgsl?raw';
import fusedLayoutSource from '../../shaders/fused_layout.wgsl?raw';
import fusedMlpSource from '../../shaders/fused_mlp.wgsl?raw';
import gatherSource from '../../shaders/gather.wgsl?raw';
import gridFeaturesSource from '../../shaders/grid_features.wgsl?raw';
import layerStatsSource from '../../shaders/layer_stats.wgsl?raw';
import linearProbeSource from '../../shaders/linear_probe.wgsl?raw';
import lossSource from '../../shaders/loss.wgsl?raw';
import matmulTilesSource from '../../shaders/matmul_tiles.wgsl?raw';
import optimizerSource from '../../shaders/optimizer.wgsl?raw';
import { MAX_CLASSES } from '../core/task';
import { wgslConstants } from './engineCodes';
import { FORWARD_MAX_THREADS, FORWARD_NONE, FUSED_MAX_LAYERS, FUSED_MAX_OUTPUTS, FUSED_MAX_WIDTH, FUSED_STEP_RECORD_WORDS } from './fusedLimits';

/** The generated constants every module starts with: the code lists, and the sizes shaders are compiled with. */
export const CONSTANTS_PRELUDE = wgslConstants({
  FUSED_MAX_LAYERS,
  FUSED_MAX_OUTPUTS,
  FUSED_MAX_WIDTH,
  FUSED_STEP_RECORD_WORDS,
  FORWARD_MAX_THREADS,
  FORWARD_NONE,
  PROBE_MAX_OUTPUTS: MAX_CLASSES,
});

/** Each kernel's own file, for the contract test. */
export const SHADER_FILES = {
  'common.wgsl': commonSource,
  'matmul_tiles.wgsl': matmulTilesSource,
  'dense_forward.wgsl': denseForwardSource,
  'dense_weight_grad.wgsl': denseWeightGradSource,
  'dense_input_grad.wgsl': denseInputGradSource,
  'gather.wgsl': gatherSource,
  'loss.wgsl': lossSource,
  'optimizer.wgsl': optimizerSource,
  'features.wgsl': featuresSource,
  'grid_features.wgsl': gridFeaturesSource,
  'fused_layout.wgsl': fusedLayoutSource,
  'fused_mlp.wgsl': fusedMlpSource,
  'fused_forward.wgsl': fusedForwardSource,
  'layer_stats.wgsl': layerStatsSource,
  'linear_probe.wgsl': linearProbeSource,
} as const;

const withCommon = (...parts: string[]): string => [CONSTANTS_PRELUDE, commonSource, ...parts].join('\n');

/** The WGSL of each kernel module: generated constants, common definitions, then shared parts, then the kernel itself. */
export const SHADER_SOURCES = {
  denseForward: withCommon(matmulTilesSource, denseForwardSource),
  denseWeightGrad: withCommon(matmulTilesSource, denseWeightGradSource),
  denseInputGrad: withCommon(matmulTilesSource, denseInputGradSource),
  gather: withCommon(gatherSource),
  loss: withCommon(lossSource),
  optimizer: withCommon(optimizerSource),
  gridFeatures: withCommon(featuresSource, gridFeaturesSource),
  fusedMlp: withCommon(fusedLayoutSource, fusedMlpSource),
  fusedForward: withCommon(fusedLayoutSource, featuresSource, fusedForwardSource),
  layerStats: withCommon(layerStatsSource),
  linearProbe: withCommon(linearProbeSource),
} as const;

export type ShaderName = keyof typeof SHADER_SOURCES;
