import type { GridValues } from '../train/session';

/** A compare-mode run the main plane shows while its tile is pointed at or focused: its label, and its latest plane grid. */
export interface ComparePreview {
  label: string;
  grid(): GridValues<Float32Array> | null;
}
