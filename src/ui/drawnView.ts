import { useEffect, useState, type RefObject } from 'react';

/** What every drawn view (canvas or SVG) shares: its size as the page lays it out, and whether what it shows is already drawn. */

/** A view's size in CSS pixels, and the device pixels per CSS pixel. */
export interface ViewSize {
  width: number;
  height: number;
  scale: number;
}

const NO_SIZE: ViewSize = { width: 0, height: 0, scale: 1 };

/** The size of `element`, followed through a ResizeObserver; zero until it is laid out. */
export function useViewSize(element: RefObject<HTMLElement | null>): ViewSize {
  const [size, setSize] = useState(NO_SIZE);
  useEffect(() => {
    const observed = element.current!;
    const observer = new ResizeObserver(() => {
      const next = { width: observed.clientWidth, height: observed.clientHeight, scale: window.devicePixelRatio || 1 };
      setSize((last) => (last.width === next.width && last.height === next.height && last.scale === next.scale ? last : next));
    });
    observer.observe(observed);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

/** Gives `canvas` one pixel per device pixel of `size` (which clears it); returns whether it changed. */
export function fitCanvas(canvas: HTMLCanvasElement, size: ViewSize): boolean {
  const [width, height] = [Math.round(size.width * size.scale), Math.round(size.height * size.scale)];
  if (canvas.width === width && canvas.height === height) return false;
  canvas.width = width;
  canvas.height = height;
  return true;
}

/**
 * "Already drawn this version?": remembers the inputs a view last drew (compared one by one, by
 * identity), so that a redraw is skipped when none has changed.
 */
export class DrawnVersion {
  private last: readonly unknown[] | null = null;

  /** Whether `inputs` differ from those of the last draw; when they do, they become the last draw's. */
  changed(...inputs: unknown[]): boolean {
    const last = this.last;
    if (last && last.length === inputs.length && inputs.every((input, i) => Object.is(input, last[i]))) return false;
    this.last = inputs;
    return true;
  }
}

/** One DrawnVersion for the life of a component. */
export function useDrawnVersion(): DrawnVersion {
  return useState(() => new DrawnVersion())[0];
}
