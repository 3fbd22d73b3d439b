/**
 * The page's Speed: the most optimizer steps a second it trains, from slow motion to Max (as fast
 * as the machine goes, Infinity). A view setting, not part of the experiment: it changes how fast
 * the numbers come, never the numbers.
 */

/** The stops of the Speed slider, in steps per second. */
export const SPEED_STOPS: readonly number[] = [1, 3, 10, 30, 100, 300, 1000, 3000, 10_000, Infinity];

/**
 * A pace a class can watch. Measured on the default experiment (circle, 8-8 tanh, Adam 0.01,
 * batch 16): the training loss falls below 0.1 after about 220 steps, 0.01 after 530 and 0.001
 * after 1,430, so at 300 steps a second the boundary forms in under a second and the curve
 * settles over about five. TensorFlow Playground's one epoch per frame (22 steps × 60 frames,
 * about 1,300 steps a second) suits its SGD; with Adam it would be over in about a second.
 */
export const DEFAULT_SPEED = 300;

/** What a link's `speed=` may give besides `max`. */
export const SPEED_RANGE = { min: 1, max: 1_000_000 } as const;

/** How a link writes Max. */
export const MAX_SPEED_TEXT = 'max';

/** The speed as the page says it (and reads it out): `1 step/s`, `1,000 steps/s`, `Max`. */
export function speedText(speed: number): string {
  if (!Number.isFinite(speed)) return 'Max';
  return `${speed.toLocaleString('en-US')} step${speed === 1 ? '' : 's'}/s`;
}

/** The stop of the slider nearest to a speed (on a log scale). */
export function nearestSpeedStop(speed: number): number {
  if (!Number.isFinite(speed)) return SPEED_STOPS.length - 1;
  let best = 0;
  SPEED_STOPS.forEach((stop, i) => {
    if (Number.isFinite(stop) && Math.abs(Math.log(stop / speed)) < Math.abs(Math.log(SPEED_STOPS[best] / speed))) best = i;
  });
  return best;
}

/** The speed written short, beside the slider: `1/s`, `1,000/s`, `Max`. */
export function shortSpeedText(speed: number): string {
  return Number.isFinite(speed) ? `${speed.toLocaleString('en-US')}/s` : 'Max';
}
