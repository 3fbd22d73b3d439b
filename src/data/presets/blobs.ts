import type { Preset } from './preset';
import { clusterPoint, type ClassSampler } from './geometry';

/** Distance (plane units) of every blob's centre from the origin. */
const BLOB_RADIUS = 3.5;

/** Centre of blob `label` of k: evenly spaced on a circle of radius 3.5, the first one straight up. */
export function blobCentre(label: number, classes: number): [number, number] {
  const angle = Math.PI / 2 + (2 * Math.PI * label) / classes;
  return [BLOB_RADIUS * Math.cos(angle), BLOB_RADIUS * Math.sin(angle)];
}

/** Distance (plane units) between neighbouring centres of k blobs. */
export function blobSpacing(classes: number): number {
  return 2 * BLOB_RADIUS * Math.sin(Math.PI / classes);
}

/** blobs: k Gaussian clusters around a circle of radius 3.5; noise widens them, σ = (0.1 + 0.3·noise)·(distance between neighbouring centres). */
export const sampleBlobs: ClassSampler = (rng, label, classes, noise) => {
  const [c1, c2] = blobCentre(label, classes);
  return clusterPoint(rng, c1, c2, noise, blobSpacing(classes));
};

export const blobs = { name: 'blobs', label: 'Blobs', kind: 'classification', usesClasses: true, sample: sampleBlobs } as const satisfies Preset;
