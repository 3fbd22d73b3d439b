/** Weights JSON v1: export a trained model, write it as text, and read it back with every field checked. */
export { exportWeights, type WeightsExtras } from './weightsExport';
export { WEIGHTS_FORMAT, WEIGHTS_VERSION, type DenseLayerV1, type ImportedWeights, type LayerV1, type ResidualLayerV1, type WeightsFileV1 } from './weightsFormat';
export { parseWeights } from './weightsParse';
export { serializeWeights } from './weightsSerialize';
