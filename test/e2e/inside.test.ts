import { expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/lessons';
import { lessonHash } from '../../src/ui/LessonsPanel';
import { button, field, withPlayground, type BackendMode } from './browser';

/** The See inside panel on both backends, driven by the names the page gives its controls. */

it.each<BackendMode>(['cpu', 'webgpu'])('shows a layer’s view, linear separability and gradient flow, live, on %s', async (mode) => {
  await withPlayground(mode, '', async (page) => {
    await button(page, 'See inside').click();
    const panel = page.getByRole('complementary', { name: 'See inside' });
    await panel.waitFor();
    const layer = field(page, 'Layer');
    // The default 2-[8,8]-1: the input and two hidden layers; the last is shown first.
    expect(await layer.locator('option').allTextContents()).toEqual(['Input (2 units)', 'Layer 1 (8 units)', 'Layer 2 (8 units)']);
    await expect.poll(() => panel.getByRole('img').getAttribute('aria-label')).toBe("Layer 2 seen through two principal components of its 8 units: the plane's lines and the training points");
    const separability = panel.getByRole('list', { name: 'Linear separability' }).getByRole('listitem');
    await expect.poll(() => separability.allTextContents(), { timeout: 60_000 }).toEqual([expect.stringMatching(/^Input\d+%$/), expect.stringMatching(/^Layer 1\d+%$/), expect.stringMatching(/^Layer 2\d+%$/)]);
    const flow = panel.getByRole('table', { name: 'Gradient flow' }).locator('tbody tr');
    await expect.poll(() => flow.allTextContents(), { timeout: 60_000 }).toEqual([
      expect.stringMatching(/^Layer 1\d\.\de[-+]\d+\d\.\de[-+]\d+$/),
      expect.stringMatching(/^Layer 2\d\.\de[-+]\d+\d\.\de[-+]\d+$/),
      expect.stringMatching(/^Output\d\.\de[-+]\d+\d\.\de[-+]\d+$/),
    ]);

    // Training moves the numbers while the panel is open.
    const before = await flow.allTextContents();
    await button(page, 'Play').click();
    await expect.poll(() => flow.allTextContents(), { timeout: 60_000 }).not.toEqual(before);
    await button(page, 'Pause').click();

    await layer.selectOption({ label: 'Input (2 units)' });
    await expect.poll(() => panel.getByRole('img').getAttribute('aria-label')).toBe("Input seen through its two units: the plane's lines and the training points");

    // Escape from within the panel closes it and gives focus back to the button that opened it.
    await layer.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('See inside');
  });
});

it.each<BackendMode>(['cpu', 'webgpu'])('turns a 3-unit layer in 3-D with its lines coloured by the output’s classes, pictures two picked units, and shades three classes’ regions, on %s', async (mode) => {
  await withPlayground(mode, '#dataset=blobs&classes=3&hidden=4,3', async (page) => {
    await button(page, 'See inside').click();
    const panel = page.getByRole('complementary', { name: 'See inside' });
    const picture = panel.getByRole('img');
    const pixels = () => picture.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
    // The last hidden layer is shown first, in 3-D; its caption describes the picture.
    await expect.poll(() => picture.getAttribute('aria-label')).toBe("Layer 2 seen in 3-D through its three units: the plane's lines and the training points");
    const caption = 'Exact: the three units; the lines are coloured by the output’s class at each point. Drag or use the arrow keys to turn.';
    expect(await page.locator(`[id="${await picture.getAttribute('aria-describedby')}"]`).textContent()).toBe(caption);
    /** How many of `colours` (within 6 a channel) colour at least 20 pixels of opacity `minAlpha` to `maxAlpha`; read from a copy, so that the page's canvas is never read back (Chromium warns when one is, often). */
    const colourCounts = (colours: number[][], minAlpha: number, maxAlpha: number) =>
      picture.evaluate(
        (canvas: HTMLCanvasElement, { colours, minAlpha, maxAlpha }) => {
          const copy = document.createElement('canvas');
          [copy.width, copy.height] = [canvas.width, canvas.height];
          const context = copy.getContext('2d', { willReadFrequently: true })!;
          context.drawImage(canvas, 0, 0);
          const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
          const counts = colours.map(() => 0);
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] < minAlpha || data[i + 3] > maxAlpha) continue;
            const k = colours.findIndex((c) => c.every((v, j) => Math.abs(v - data[i + j]) <= 6));
            if (k >= 0) counts[k]++;
          }
          return counts.filter((count) => count >= 20).length;
        },
        { colours, minAlpha, maxAlpha },
      );
    // The lines take the output's class colours, a little darker than the points', once the parameters arrive.
    const lineColours = [
      [180, 127, 8],
      [8, 93, 141],
      [8, 126, 94],
    ];
    await expect.poll(() => colourCounts(lineColours, 60, 255)).toBeGreaterThan(0);
    let unturned = await pixels();
    await expect.poll(async () => unturned === (unturned = await pixels()), { interval: 400 }).toBe(true);

    // Dragging turns it, and so do the arrow keys; Reset view brings back the first picture.
    const box = (await picture.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 20, { steps: 4 });
    await page.mouse.up();
    await expect.poll(pixels).not.toBe(unturned);
    const dragged = await pixels();
    await picture.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(pixels).not.toBe(dragged);
    await button(page, 'Reset view').click();
    await expect.poll(pixels).toBe(unturned);

    // After some training the lines take the three classes' colours.
    await button(page, 'Play').click();
    await expect.poll(() => colourCounts(lineColours, 60, 255), { timeout: 60_000 }).toBe(3);
    await button(page, 'Pause').click();

    // Two units picked: exact coordinates.
    await field(page, 'Projection').selectOption({ label: 'Units i and j' });
    await field(page, 'Vertical unit').selectOption({ label: '3' });
    await expect.poll(() => picture.getAttribute('aria-label')).toBe("Layer 2 seen through its units 1 and 3: the plane's lines and the training points");

    // Principal components: the output's three classes shade the picture.
    await field(page, 'Projection').selectOption({ label: 'Principal components' });
    await expect.poll(() => panel.getByText('Two principal components; the output’s classes in the plane of the projection.').count()).toBe(1);
    // A pixel of a region alone (no line or point over it) has the regions' light opacity.
    const regionColours = [
      [230, 159, 0],
      [0, 114, 178],
      [0, 158, 115],
    ];
    await expect.poll(() => colourCounts(regionColours, 46, 46)).toBe(3);
  });
});

it('opens scrolled to the view a lesson speaks of, and its jump buttons reach each view on a short screen', async () => {
  const lesson = LESSONS.find((l) => l.id === 'vanishing-gradients')!;
  await withPlayground('cpu', lessonHash(lesson, lesson.setups[0]), async (page) => {
    const panel = page.getByRole('complementary', { name: 'See inside' });
    await panel.waitFor();
    const table = panel.getByRole('table', { name: 'Gradient flow' });
    /** Whether the top of `target` shows in the panel (under its sticky head, above its bottom edge). */
    const shown = (target: typeof table) =>
      target.evaluate((element) => {
        const panelBox = element.closest('.side-panel')!.getBoundingClientRect();
        const top = element.getBoundingClientRect().top;
        return top >= panelBox.top && top <= panelBox.bottom - 40;
      });
    await expect.poll(() => shown(table)).toBe(true);
    await button(page, 'Go to Layer view').click();
    await expect.poll(() => shown(table)).toBe(false);
    await button(page, 'Go to Gradient flow').click();
    await expect.poll(() => shown(table)).toBe(true);
  });
});
