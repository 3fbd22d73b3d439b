import { float32Text } from './float32Text';
import { RawJson, prettyJson } from './prettyJson';
import type { DenseLayerV1, LayerV1, WeightsFileV1 } from './weightsFormat';

const asFloat32 = (value: number): RawJson => new RawJson(float32Text(value));

function denseNumbersAsFloat32(layer: DenseLayerV1): object {
  return { ...layer, weight: layer.weight.map((row) => row.map(asFloat32)), bias: layer.bias.map(asFloat32) };
}

function layerNumbersAsFloat32(layer: LayerV1): object {
  return layer.kind === 'dense' ? denseNumbersAsFloat32(layer) : { ...layer, layers: layer.layers.map(denseNumbersAsFloat32) };
}

/**
 * The file as JSON text, one line per weight row. Weights and biases are written as the shortest
 * decimals that round to the same float32; every other number keeps full double precision.
 */
export function serializeWeights(file: WeightsFileV1): string {
  return prettyJson({ ...file, layers: file.layers.map(layerNumbersAsFloat32) });
}
