import commonSource from '../../shaders/common.wgsl?raw';
import denseForwardSource from '../../shaders/dense_forward.wgsl?raw';
import denseInputGradSource from '../../shaders/dense_input_grad.wgsl?raw';
import denseWeightGradSource from '../../shaders/dense_weight_grad.wgsl?raw';
import gatherSource from '../../shaders/gather.wgsl?raw';
import gridFeaturesSource from '../../shaders/grid_features.wgsl?raw';
import lossSource from '../../shaders/loss.wgsl?raw';
import matmulTilesSource from '../../shaders/matmul_tiles.wgsl?raw';
import optimizerSource from '../../shaders/optimizer.wgsl?raw';

/** The WGSL of each kernel module: common definitions, then shared parts, then the kernel itself. */
export const SHADER_SOURCES = {
  denseForward: [commonSource, matmulTilesSource, denseForwardSource].join('\n'),
  denseWeightGrad: [commonSource, matmulTilesSource, denseWeightGradSource].join('\n'),
  denseInputGrad: [commonSource, matmulTilesSource, denseInputGradSource].join('\n'),
  gather: [commonSource, gatherSource].join('\n'),
  loss: [commonSource, lossSource].join('\n'),
  optimizer: [commonSource, optimizerSource].join('\n'),
  gridFeatures: [commonSource, gridFeaturesSource].join('\n'),
} as const;

export type ShaderName = keyof typeof SHADER_SOURCES;
