import { useEffect, useRef, type ReactNode } from 'react';
import { computeFeatures, type FeatureName } from '../core/features';
import { gridPoints, planeGrid } from '../core/grid';
import { paintNeuron } from './heatmap';
import { FEATURE_LABELS } from './names';

const THUMBNAIL_SIDE = 24;

/** A feature's values over the plane, as its thumbnail shows them (painted once). */
function paintFeature(canvas: HTMLCanvasElement, name: FeatureName): void {
  const grid = planeGrid(THUMBNAIL_SIDE);
  const values = computeFeatures(gridPoints(grid), [name], new Float32Array(THUMBNAIL_SIDE * THUMBNAIL_SIDE));
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(THUMBNAIL_SIDE, THUMBNAIL_SIDE);
  paintNeuron(values, 1, 0, THUMBNAIL_SIDE * THUMBNAIL_SIDE, image.data);
  context.putImageData(image, 0, 0);
}

interface FeatureToggleProps {
  name: FeatureName;
  active: boolean;
  x: number;
  y: number;
  size: number;
  /** Shown but not changeable (a shared link hid the feature controls). */
  locked: boolean;
  onToggle(): void;
}

/** One input feature in the diagram: its name and thumbnail; pressing it adds or removes the feature. */
export function FeatureToggle({ name, active, x, y, size, locked, onToggle }: FeatureToggleProps): ReactNode {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => paintFeature(canvas.current!, name), [name]);
  const label = FEATURE_LABELS[name];
  return (
    <button
      type="button"
      className="feature-toggle"
      aria-pressed={active}
      aria-label={`Feature ${label.spoken}`}
      title={`${label.spoken}: ${active ? 'used (press to remove)' : 'not used (press to add)'}`}
      style={{ left: 0, top: y - size / 2, width: x + size / 2, height: size }}
      disabled={locked}
      onClick={onToggle}
    >
      <span className="feature-name">{label.text}</span>
      <canvas ref={canvas} width={THUMBNAIL_SIDE} height={THUMBNAIL_SIDE} style={{ width: size, height: size }} />
    </button>
  );
}
