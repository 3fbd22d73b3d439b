import type { Page } from 'playwright-core';

/** What a layout check finds on the page as it is laid out now; every list is empty when all is well. */
export interface LayoutReport {
  /** How far the page is wider than the window (px); 0 when it fits. */
  horizontalOverflow: number;
  /** How far the page is taller than the window (px). */
  verticalOverflow: number;
  /** The decision boundary's drawn size (px), and whether all of it is in the window without scrolling. */
  plane: { width: number; height: number; inView: boolean };
  lossChartHeight: number;
  /** Pairs of controls whose boxes overlap. */
  overlaps: string[];
  /** Controls that stick out of the panel (or bar) holding them. */
  outsidePanel: string[];
  /** Controls a click at the centre of does not reach (something else lies on top). */
  unreachable: string[];
}

/**
 * Measures the page in the browser. A control is any visible button, input, select or textarea;
 * controls in closed sections or scrolled out of a scrolling panel are left out of the
 * reachability check, which scrolls each control into view first.
 */
export function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(async () => {
    const describe = (element: Element): string => {
      const name = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
      return `${element.tagName.toLowerCase()} "${name.trim().slice(0, 40)}"`;
    };
    const visible = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && !element.closest('[hidden], details:not([open]) > :not(summary)');
    };
    const controls = [...document.querySelectorAll('button, input, select, textarea')].filter(visible);
    const root = document.documentElement;
    const plane = document.querySelector('canvas.plane');
    const planeBox = plane?.getBoundingClientRect();
    const chart = document.querySelector('[aria-label="Loss chart"]');

    // What of a control shows: its box cut by every ancestor that clips (a scrolling panel), so a
    // control scrolled out of its panel neither overlaps what lies under the panel nor sticks out of it.
    const shownBox = (element: Element): { left: number; top: number; right: number; bottom: number } => {
      let { left, top, right, bottom } = element.getBoundingClientRect();
      for (let ancestor = element.parentElement; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
        const style = getComputedStyle(ancestor);
        if (!/auto|scroll|hidden|clip/.test(`${style.overflowX} ${style.overflowY}`)) continue;
        const clip = ancestor.getBoundingClientRect();
        [left, top, right, bottom] = [Math.max(left, clip.left), Math.max(top, clip.top), Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
      }
      return { left, top, right: Math.max(left, right), bottom: Math.max(top, bottom) };
    };
    const overlaps: string[] = [];
    const boxes = controls.map(shownBox);
    const shown = (i: number): boolean => boxes[i].right - boxes[i].left > 1 && boxes[i].bottom - boxes[i].top > 1;
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        if (!shown(i) || !shown(j) || controls[i].contains(controls[j]) || controls[j].contains(controls[i])) continue;
        const a = boxes[i];
        const b = boxes[j];
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX > 1 && overlapY > 1) overlaps.push(`${describe(controls[i])} × ${describe(controls[j])}`);
      }
    }

    const outsidePanel: string[] = [];
    controls.forEach((element, i) => {
      const holder = element.parentElement?.closest('.panel, .settings-bar, .top-bar, .side-panel, .lesson-banner, .notice, section, header');
      if (!holder || !shown(i)) return;
      const outer = holder.getBoundingClientRect();
      const inner = boxes[i];
      if (inner.left < outer.left - 1 || inner.right > outer.right + 1 || inner.top < outer.top - 1 || inner.bottom > outer.bottom + 1) outsidePanel.push(describe(element));
    });

    const unreachable: string[] = [];
    for (const element of controls) {
      element.scrollIntoView({ block: 'center', inline: 'center' });
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const label = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
      if (!hit || !(element === hit || element.contains(hit) || hit.contains(element) || label?.contains(hit) || element.closest('label')?.contains(hit))) {
        unreachable.push(`${describe(element)} (hit: ${hit ? describe(hit) : 'nothing'})`);
      }
    }
    window.scrollTo(0, 0);
    root.scrollLeft = 0;

    return {
      horizontalOverflow: Math.max(0, root.scrollWidth - root.clientWidth),
      verticalOverflow: Math.max(0, root.scrollHeight - root.clientHeight),
      plane: {
        width: planeBox?.width ?? 0,
        height: planeBox?.height ?? 0,
        inView: !!planeBox && planeBox.top >= 0 && planeBox.left >= 0 && planeBox.bottom <= innerHeight + 0.5 && planeBox.right <= innerWidth + 0.5,
      },
      lossChartHeight: chart?.getBoundingClientRect().height ?? 0,
      overlaps,
      outsidePanel,
      unreachable,
    };
  });
}
