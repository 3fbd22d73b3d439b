/** Colours of the page: the Okabe–Ito palette, which stays distinct with the common colour-vision deficiencies. */

export type Rgb = readonly [number, number, number];

/** Class colours, class 0 first: orange, blue, bluish green, reddish purple, vermillion, sky blue. */
export const CLASS_COLORS: readonly Rgb[] = [
  [230, 159, 0],
  [0, 114, 178],
  [0, 158, 115],
  [204, 121, 167],
  [213, 94, 0],
  [86, 180, 233],
];

/** Positive values (weights, activations, regression targets) are blue, negative ones orange, as class 1 and class 0 are. */
export const POSITIVE: Rgb = CLASS_COLORS[1];
export const NEGATIVE: Rgb = CLASS_COLORS[0];
export const BACKGROUND: Rgb = [255, 255, 255];

export function cssColor([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

export function classColor(label: number): Rgb {
  return CLASS_COLORS[label % CLASS_COLORS.length];
}

/** The colour of a value on the diverging scale, t in [−1, 1]: orange through white to blue, at most `strength` opaque. */
export function divergingColor(t: number, strength = 1): Rgb {
  const clamped = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  return mix(BACKGROUND, clamped >= 0 ? POSITIVE : NEGATIVE, Math.abs(clamped) * strength);
}

/** a·(1 − amount) + b·amount, channel by channel. */
export function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return [a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount, a[2] + (b[2] - a[2]) * amount];
}
