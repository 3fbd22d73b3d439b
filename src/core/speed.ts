/**
 * The page's Speed: the most optimizer steps a second it trains, from slow motion to Max (as fast
 * as the machine goes, Infinity). A view setting, not part of the experiment: it changes how fast
 * the numbers come, never the numbers.
 */

/** The stops of the Speed slider, in steps per second. */
export const SPEED_STOPS: readonly number[] = [1, 3, 10, 30, 100, 300, 1000, 3000, 10_000, Infinity];

/**
 * About TensorFlow Playground's pace, one epoch of the default data per animation frame (350
 * training points in batches of 16 is 22 steps, ×60 frames): the default experiment then takes
 * several seconds to converge, where Max gets there in a blink on a fast machine.
 */
export const DEFAULT_SPEED = 1000;

/** What a link's `speed=` may give besides `max`. */
export const SPEED_RANGE = { min: 1, max: 1_000_000 } as const;

/** How a link writes Max. */
export const MAX_SPEED_TEXT = 'max';

/** The speed as the page shows it: `1 step/s`, `1,000 steps/s`, `Max`. */
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
