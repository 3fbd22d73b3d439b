import type { NetworkPlan } from '../core/network';
import type { GridValues } from '../train/run';
import { paintNeuron } from './heatmap';
import type { NeuronRef } from './store';

/** One hidden unit's output over the plane, from the thumbnails' grid, stretched smoothly over the canvas. */

let scratch: HTMLCanvasElement | null = null;

/** Whether the run's thumbnails hold the unit (false while the network is rebuilt without it). */
export function hasNeuron(plan: NetworkPlan | null, neurons: GridValues<Float32Array[]> | null, focus: NeuronRef): boolean {
  const dense = plan?.dense[focus.layer];
  return !!dense && dense.hidden && focus.unit < dense.out && !!neurons && neurons.values.length > focus.layer;
}

/** Paints the unit's activation (blue positive, orange negative, scaled by its largest |value|) over the whole canvas. */
export function drawNeuronPlane(canvas: HTMLCanvasElement, plan: NetworkPlan, neurons: GridValues<Float32Array[]>, focus: NeuronRef): void {
  const { width, height } = neurons.spec;
  scratch ??= document.createElement('canvas');
  [scratch.width, scratch.height] = [width, height];
  const small = scratch.getContext('2d')!;
  const image = small.createImageData(width, height);
  paintNeuron(neurons.values[focus.layer], plan.dense[focus.layer].out, focus.unit, width * height, image.data);
  small.putImageData(image, 0, 0);
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = true;
  context.drawImage(scratch, 0, 0, canvas.width, canvas.height);
}
