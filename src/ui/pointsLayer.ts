import type { Dataset } from '../core/dataset';
import { labelRange } from './heatmap';
import { classColor, cssColor, divergingColor } from './palette';
import { toPixels } from './planeDraw';

/**
 * The data points of the plane, drawn into a canvas of their own that the plane lays over its
 * colours: drawn again only when the data or the view changes, never per refresh of the model's
 * output. Each point is a copy of a small picture drawn once per colour and split (a filled dot
 * with a dark rim for training points, a ring for test points), and a large set is drawn in
 * slices over several frames, so no frame waits for all of them; the points drawn before stay in
 * view meanwhile.
 */

/** What the points look like, in CSS pixels. */
const RADIUS = 3.6;
const RIM_WIDTH = 1.2;
const RING_WIDTH = 2;
const RING_HALO_WIDTH = 3.2;
const RIM_COLOR = '#1a1a1a';
const HALO_COLOR = 'rgba(255, 255, 255, 0.9)';
/** Shades a regression target is drawn in, from −range to +range (an odd number, so that 0 is one). */
const REGRESSION_SHADES = 9;
/** Main-thread time one slice of drawing may take. */
const SLICE_MS = 6;
/** Points drawn between two looks at the clock. */
const POINTS_PER_CHECK = 256;

/**
 * The layer and its pictures are drawn by the CPU, where a slice's time is measured: drawn on a
 * GPU, thousands of copies would be queued and the frame that shows them would wait for all.
 */
const ON_THE_CPU: CanvasRenderingContext2DSettings = { willReadFrequently: true };

/** One point's picture: a canvas of side `side` device pixels, centred on the point. */
interface Sprite {
  image: HTMLCanvasElement;
  half: number;
}

function drawSprite(color: string, test: boolean, scale: number): Sprite {
  const half = Math.ceil((RADIUS + RING_HALO_WIDTH / 2) * scale) + 1;
  const image = document.createElement('canvas');
  image.width = image.height = 2 * half;
  const context = image.getContext('2d', ON_THE_CPU)!;
  context.beginPath();
  context.arc(half, half, RADIUS * scale, 0, 2 * Math.PI);
  if (test) {
    context.lineWidth = RING_HALO_WIDTH * scale;
    context.strokeStyle = HALO_COLOR;
    context.stroke();
    context.lineWidth = RING_WIDTH * scale;
    context.strokeStyle = color;
    context.stroke();
  } else {
    context.fillStyle = color;
    context.fill();
    context.lineWidth = RIM_WIDTH * scale;
    context.strokeStyle = RIM_COLOR;
    context.stroke();
  }
  return { image, half };
}

function emptyCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 0;
  return canvas;
}

/** What the layer shows: the points, whether test points are among them, the canvas's size in device pixels and device pixels per CSS pixel. */
export interface PointsView {
  dataset: Dataset;
  showTest: boolean;
  width: number;
  height: number;
  scale: number;
}

export class PointsLayer {
  /** What the plane shows: the points of the last view drawn whole, or of the first while it is being drawn. */
  canvas = emptyCanvas();
  /** Where the points of a newer view are being drawn, to take the shown one's place once complete, so that an edit never blanks the points. */
  private drawing = emptyCanvas();
  private view: PointsView | null = null;
  /** Whether the view being drawn is the first, drawn straight onto the shown canvas. */
  private progressive = false;
  /** The sprite of each point (−1: not drawn), and the sprites themselves. */
  private spriteOf = new Int8Array(0);
  private sprites: Sprite[] = [];
  /** The next point to draw; all are drawn once it reaches their count. */
  private next = 0;
  private frame: number | null = null;

  /** `drew` is told when a view is drawn whole (and after every slice of the first), so that the plane shows it. */
  constructor(
    private readonly drew: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Shows `view`: when it differs from the last one asked for, draws it from the first point, a slice per frame from the next. */
  show(view: PointsView): void {
    const last = this.view;
    if (last && last.dataset === view.dataset && last.showTest === view.showTest && last.width === view.width && last.height === view.height && last.scale === view.scale) return;
    this.dispose();
    this.view = view;
    // Until some points are shown, they are drawn where they are shown, so that they appear slice by slice.
    this.progressive = this.canvas.width === 0;
    const target = this.progressive ? this.canvas : this.drawing;
    target.width = view.width;
    target.height = view.height;
    this.assignSprites(view);
    this.next = 0;
    // The first slice waits for a frame of its own: the frame that asked has other views to draw.
    this.frame = requestAnimationFrame(() => this.drawSlice());
  }

  /** Stops drawing what is left (a new view starts over; the plane is gone). */
  dispose(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  /** Gives each point its picture's index (shade or class, times two, plus one for a test point), drawing each picture the first time it is needed. */
  private assignSprites({ dataset, showTest, scale }: PointsView): void {
    const regression = dataset.task.kind === 'regression';
    const halfShades = (REGRESSION_SHADES - 1) / 2;
    const range = regression ? labelRange(dataset) : 1;
    const sprites: Sprite[] = [];
    const spriteOf = new Int8Array(dataset.labels.length);
    for (let i = 0; i < spriteOf.length; i++) {
      const test = dataset.isTest[i] === 1;
      if (test && !showTest) {
        spriteOf[i] = -1;
        continue;
      }
      // Regression targets are drawn in a few shades, from −range (shade 0) to +range.
      const shade = regression ? Math.round((dataset.labels[i] / range) * halfShades) + halfShades : dataset.labels[i];
      const index = 2 * shade + (test ? 1 : 0);
      if (!sprites[index]) {
        const color = regression ? divergingColor(shade / halfShades - 1) : classColor(shade);
        sprites[index] = drawSprite(cssColor(color), test, scale);
      }
      spriteOf[i] = index;
    }
    this.sprites = sprites;
    this.spriteOf = spriteOf;
  }

  /** Draws points for about SLICE_MS, then asks for the next frame if some are left. */
  private drawSlice(): void {
    this.frame = null;
    const view = this.view!;
    const context = (this.progressive ? this.canvas : this.drawing).getContext('2d', ON_THE_CPU)!;
    const start = this.now();
    const count = this.spriteOf.length;
    while (this.next < count) {
      const end = Math.min(count, this.next + POINTS_PER_CHECK);
      for (let i = this.next; i < end; i++) {
        const index = this.spriteOf[i];
        if (index < 0) continue;
        const sprite = this.sprites[index];
        const [x, y] = toPixels(view.dataset.points[2 * i], view.dataset.points[2 * i + 1], view.width, view.height);
        context.drawImage(sprite.image, Math.round(x) - sprite.half, Math.round(y) - sprite.half);
      }
      this.next = end;
      if (this.now() - start > SLICE_MS) break;
    }
    if (this.next < count) this.frame = requestAnimationFrame(() => this.drawSlice());
    else if (!this.progressive) [this.canvas, this.drawing] = [this.drawing, this.canvas];
    if (this.progressive || this.next >= count) this.drew();
  }
}
