import { perspective, planeCubePolygon, rotate, rotationMatrix, toCube, type Turn, type Vec3 } from '../core/space3d';
import { argmaxClasses, classCrossing } from '../core/sheetOutput';
import { POINT_RIM } from './layerViewDraw';
import { classColor, cssColor, mix, NEGATIVE, POSITIVE, type Rgb } from './palette';

/**
 * The layer view's 3-D picture of a 3-unit layer: the plane's lines and the training points in
 * the data's box, turned and seen in perspective, far things fainter; the lines coloured, when
 * given, by the output at each sample; and, when given, the output's separating plane, with what
 * lies behind it drawn before it and the rest after.
 */

/** The camera's distance from the cube's centre, in half-sides of the cube. */
const CAMERA_DISTANCE = 6;
/** Screen pixels per unit of the turned cube, as a share of the picture's side: the whole cube fits at any turn. */
const SCREEN_SCALE = 0.26;
/** Depth levels for the lines' faintness: segments are stroked together by level. */
const DEPTH_LEVELS = 6;
const HALF_DIAGONAL = Math.sqrt(3);
/** The lines' colour when nothing colours them, and the middle of a regression's scale on them. */
const LINE_GREY: Rgb = [90, 90, 90];
/** How far the lines' class colours are darkened, so that the output's answer (lines) is told from the data's labels (points). */
const ANSWER_SHADE = 0.25;
const INK: Rgb = [30, 30, 30];
/** Bands of a regression's colour scale on the lines, each side of 0. */
const VALUE_BANDS = 8;

export interface Picture3d {
  /** Each line of the plane as a polyline of cube points (x, y, z…). */
  lines: Float64Array[];
  /** The training points in the cube, rows × 3. */
  points: Float64Array;
}

/** The lines' colours: each sample's key into `colours`, and where along each segment whose ends differ the colour changes. */
export interface SheetColours {
  /** Per line, one key a sample. */
  keys: Uint8Array[];
  /** Per line, one share of the segment (0 to 1, from its first sample) a segment. */
  splits: Float64Array[];
  colours: readonly Rgb[];
}

/**
 * The lines coloured by the output's class at each sample, from `lineLogits` (per line, its
 * samples' output pre-activations, `outs` each): a segment whose ends' classes differ changes
 * colour where the two classes' logits are equal along it. The class colours are a little
 * darker than the points'.
 */
export function classColours(lineLogits: Float64Array[], outs: number, classes: number): SheetColours {
  const keys = lineLogits.map((logits) => argmaxClasses(logits, logits.length / outs, outs));
  const splits = lineLogits.map((logits, line) => {
    const key = keys[line];
    return Float64Array.from({ length: key.length - 1 }, (_, s) => (key[s] === key[s + 1] ? 1 : classCrossing(logits, outs, s, s + 1, key[s], key[s + 1])));
  });
  return { keys, splits, colours: Array.from({ length: classes }, (_, c) => mix(classColor(c), INK, ANSWER_SHADE)) };
}

/**
 * The lines coloured by a regression's prediction at each sample (`lineValues`, per line) on the
 * playground's diverging scale over [−range, range], in bands, through grey rather than white so
 * that lines near 0 stay seen; a segment whose ends differ changes colour halfway.
 */
export function valueColours(lineValues: Float64Array[], range: number): SheetColours {
  const band = (value: number): number => Math.round((Math.max(-1, Math.min(1, Number.isFinite(value) ? value / range : 0)) + 1) * VALUE_BANDS);
  const keys = lineValues.map((values) => Uint8Array.from(values, band));
  const splits = keys.map((key) => new Float64Array(key.length - 1).fill(0.5));
  const colours = Array.from({ length: 2 * VALUE_BANDS + 1 }, (_, k) => {
    const t = k / VALUE_BANDS - 1;
    return mix(LINE_GREY, t >= 0 ? POSITIVE : NEGATIVE, Math.abs(t));
  });
  return { keys, splits, colours };
}

/** The separating plane normal·u + offset = 0 in the cube's coordinates. */
export interface CubePlane {
  normal: Vec3;
  offset: number;
}

/** `polylines` and `points` of a 3-unit layer (rows × 3) moved into the cube its box stretches to. */
export function picture3d(polylines: Float64Array[], points: ArrayLike<number>, box: { low: Vec3; high: Vec3 }): Picture3d {
  const inCube = (values: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i += 3) out.set(toCube([values[i], values[i + 1], values[i + 2]], box), i);
    return out;
  };
  return { lines: polylines.map(inCube), points: inCube(points) };
}

/** 0 for the farthest a turned point can be, 1 for the nearest. */
const nearness = (depth: number): number => (depth + HALF_DIAGONAL) / (2 * HALF_DIAGONAL);

/** What the 3-D picture is drawn with, besides the picture and the turn. */
export interface Drawing3d {
  labels: ArrayLike<number>;
  /** A point's colour from its label. */
  pointColour: (label: number) => Rgb;
  /** Whether the points get a dark rim (a regression's, whose colours near 0 are white). */
  rimmed: boolean;
  /** The lines' colours; grey without. */
  sheet: SheetColours | null;
  /** The output's separating plane (two classes). */
  plane: CubePlane | null;
}

/** Draws `picture` turned by `turn` on `context` (size × size pixels). */
export function drawLayerPicture3d(context: CanvasRenderingContext2D, size: number, picture: Picture3d, turn: Turn, { labels, pointColour, rimmed, sheet, plane }: Drawing3d): void {
  const rotation = rotationMatrix(turn);
  const screen = (u: Vec3): { x: number; y: number; depth: number; turned: Vec3 } => {
    const turned = rotate(rotation, u);
    const seen = perspective(turned, CAMERA_DISTANCE);
    return { x: size / 2 + seen.x * SCREEN_SCALE * size, y: size / 2 - seen.y * SCREEN_SCALE * size, depth: seen.depth, turned };
  };
  // A turned point is in front of the plane when it is on the camera's side (a turn keeps the offset).
  const normal = plane ? rotate(rotation, plane.normal) : null;
  const side = (v: Vec3): number => (normal ? normal[0] * v[0] + normal[1] * v[1] + normal[2] * v[2] + plane!.offset : 0);
  const cameraSide = Math.sign(side([0, 0, CAMERA_DISTANCE]));
  const inFront = (v: Vec3): boolean => normal !== null && Math.sign(side(v)) === cameraSide;

  context.clearRect(0, 0, size, size);
  context.lineWidth = 1;
  drawBox(context, screen);

  // Segments by [behind or in front][depth level][colour], as flat x0, y0, x1, y1 lists.
  const colours = sheet?.colours ?? [LINE_GREY];
  const segments: number[][][][] = [0, 1].map(() => Array.from({ length: DEPTH_LEVELS }, () => colours.map(() => [])));
  const addSegment = (from: ReturnType<typeof screen>, to: ReturnType<typeof screen>, key: number): void => {
    const middle: Vec3 = [0, 1, 2].map((k) => (from.turned[k] + to.turned[k]) / 2) as Vec3;
    const level = Math.min(DEPTH_LEVELS - 1, Math.floor(nearness(middle[2]) * DEPTH_LEVELS));
    segments[inFront(middle) ? 1 : 0][level][key].push(from.x, from.y, to.x, to.y);
  };
  picture.lines.forEach((line, index) => {
    const keys = sheet?.keys[index];
    const splits = sheet?.splits[index];
    let last = screen([line[0], line[1], line[2]]);
    for (let s = 3; s < line.length; s += 3) {
      const next = screen([line[s], line[s + 1], line[s + 2]]);
      const [keyFrom, keyTo] = keys ? [keys[s / 3 - 1], keys[s / 3]] : [0, 0];
      if (keyFrom === keyTo) {
        addSegment(last, next, keyFrom);
      } else {
        // The colour changes part way: split the segment there (in the cube, before the perspective).
        const t = splits![s / 3 - 1];
        const at = screen([0, 1, 2].map((k) => line[s - 3 + k] + t * (line[s + k] - line[s - 3 + k])) as Vec3);
        addSegment(last, at, keyFrom);
        addSegment(at, next, keyTo);
      }
      last = next;
    }
  });
  const points = Array.from({ length: picture.points.length / 3 }, (_, r) => ({ ...screen([picture.points[3 * r], picture.points[3 * r + 1], picture.points[3 * r + 2]]), label: labels[r] }));
  points.sort((a, b) => a.depth - b.depth);

  const drawPart = (front: boolean): void => {
    context.lineWidth = 1;
    segments[front ? 1 : 0].forEach((byColour, level) => {
      // Coloured lines are drawn stronger than grey ones, so that their colours read.
      const alpha = sheet ? 0.2 + (0.75 * (level + 0.5)) / DEPTH_LEVELS : 0.1 + (0.5 * (level + 0.5)) / DEPTH_LEVELS;
      byColour.forEach((flat, key) => {
        if (flat.length === 0) return;
        const [r, g, b] = colours[key];
        context.strokeStyle = `rgba(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}, ${alpha.toFixed(3)})`;
        context.beginPath();
        for (let i = 0; i < flat.length; i += 4) {
          context.moveTo(flat[i], flat[i + 1]);
          context.lineTo(flat[i + 2], flat[i + 3]);
        }
        context.stroke();
      });
    });
    context.lineWidth = 0.5;
    context.strokeStyle = POINT_RIM;
    for (const point of points) {
      if (inFront(point.turned) !== front) continue;
      context.globalAlpha = 0.35 + 0.65 * nearness(point.depth);
      context.fillStyle = cssColor(pointColour(point.label));
      context.beginPath();
      context.arc(point.x, point.y, 1.5 + 1.5 * nearness(point.depth), 0, 2 * Math.PI);
      context.fill();
      if (rimmed) context.stroke();
    }
    context.globalAlpha = 1;
  };
  drawPart(false);
  if (plane) {
    const polygon = planeCubePolygon(plane.normal, plane.offset).map(screen);
    if (polygon.length > 0) {
      context.beginPath();
      polygon.forEach((p, i) => (i === 0 ? context.moveTo(p.x, p.y) : context.lineTo(p.x, p.y)));
      context.closePath();
      context.fillStyle = 'rgba(34, 34, 34, 0.14)';
      context.fill();
      context.strokeStyle = 'rgba(34, 34, 34, 0.7)';
      context.lineWidth = 1;
      context.stroke();
    }
  }
  drawPart(true);
}

/** The cube's edges, faint, and the units' names at the ends of the three edges from the low corner. */
function drawBox(context: CanvasRenderingContext2D, screen: (u: Vec3) => { x: number; y: number; depth: number }): void {
  const corners: Vec3[] = [];
  for (const x of [-1, 1]) for (const y of [-1, 1]) for (const z of [-1, 1]) corners.push([x, y, z]);
  context.strokeStyle = 'rgba(0, 0, 0, 0.15)';
  context.beginPath();
  for (let i = 0; i < 8; i++) {
    for (let j = i + 1; j < 8; j++) {
      if (corners[i].filter((v, k) => v !== corners[j][k]).length !== 1) continue;
      const a = screen(corners[i]);
      const b = screen(corners[j]);
      context.moveTo(a.x, a.y);
      context.lineTo(b.x, b.y);
    }
  }
  context.stroke();
  context.fillStyle = '#555';
  context.font = '11px sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  const ends: Vec3[] = [[1.2, -1, -1], [-1, 1.2, -1], [-1, -1, 1.2]];
  ends.forEach((end, k) => {
    const p = screen(end);
    context.fillText(`unit ${k + 1}`, p.x, p.y);
  });
}
