import { perspective, planeCubePolygon, rotate, rotationMatrix, toCube, type Turn, type Vec3 } from '../core/space3d';
import { classColor, cssColor, divergingColor, type Rgb } from './palette';

/**
 * The layer view's 3-D picture of a 3-unit layer: the plane's lines and the training points in
 * the data's box, turned and seen in perspective, far things fainter; and, when given, the
 * output's separating plane, with what lies behind it drawn before it and the rest after.
 */

/** The camera's distance from the cube's centre, in half-sides of the cube. */
const CAMERA_DISTANCE = 6;
/** Screen pixels per unit of the turned cube, as a share of the picture's side: the whole cube fits at any turn. */
const SCREEN_SCALE = 0.26;
/** Depth levels for the lines' faintness: segments are stroked together by level. */
const DEPTH_LEVELS = 6;
const HALF_DIAGONAL = Math.sqrt(3);

export interface Picture3d {
  /** Each line of the plane as a polyline of cube points (x, y, z…). */
  lines: Float64Array[];
  /** The training points in the cube, rows × 3. */
  points: Float64Array;
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

/** Draws `picture` turned by `turn` on `context` (size × size pixels), with the separating plane if given. */
export function drawLayerPicture3d(context: CanvasRenderingContext2D, size: number, picture: Picture3d, turn: Turn, labels: ArrayLike<number>, classification: boolean, plane: CubePlane | null): void {
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

  // Segments by [behind or in front][depth level], as flat x0, y0, x1, y1 lists.
  const segments: number[][][] = [0, 1].map(() => Array.from({ length: DEPTH_LEVELS }, () => []));
  for (const line of picture.lines) {
    let last = screen([line[0], line[1], line[2]]);
    for (let s = 3; s < line.length; s += 3) {
      const next = screen([line[s], line[s + 1], line[s + 2]]);
      const middle: Vec3 = [0, 1, 2].map((k) => (last.turned[k] + next.turned[k]) / 2) as Vec3;
      const level = Math.min(DEPTH_LEVELS - 1, Math.floor(nearness(middle[2]) * DEPTH_LEVELS));
      segments[inFront(middle) ? 1 : 0][level].push(last.x, last.y, next.x, next.y);
      last = next;
    }
  }
  const points = Array.from({ length: picture.points.length / 3 }, (_, r) => ({ ...screen([picture.points[3 * r], picture.points[3 * r + 1], picture.points[3 * r + 2]]), label: labels[r] }));
  points.sort((a, b) => a.depth - b.depth);

  const drawPart = (front: boolean): void => {
    segments[front ? 1 : 0].forEach((flat, level) => {
      context.strokeStyle = `rgba(90, 90, 90, ${(0.1 + (0.5 * (level + 0.5)) / DEPTH_LEVELS).toFixed(3)})`;
      context.beginPath();
      for (let i = 0; i < flat.length; i += 4) {
        context.moveTo(flat[i], flat[i + 1]);
        context.lineTo(flat[i + 2], flat[i + 3]);
      }
      context.stroke();
    });
    for (const point of points) {
      if (inFront(point.turned) !== front) continue;
      const colour: Rgb = classification ? classColor(point.label) : divergingColor(point.label);
      context.globalAlpha = 0.35 + 0.65 * nearness(point.depth);
      context.fillStyle = cssColor(colour);
      context.beginPath();
      context.arc(point.x, point.y, 1.5 + 1.5 * nearness(point.depth), 0, 2 * Math.PI);
      context.fill();
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
