import { expect, it } from 'vitest';
import { button, download, field, withPlayground, type BackendMode } from './browser';

/** Neurons and weights in the network diagram, on both backends, driven by the names the page gives its controls. */

interface DenseLayerFile {
  weight: number[][];
  bias: number[];
}

/** The first layer's weights and biases in the file Export weights offers. */
async function exportedFirstLayer(page: Parameters<typeof button>[0]): Promise<DenseLayerFile> {
  const file = await download(page, button(page, 'Export weights'));
  return (JSON.parse(file.text) as { layers: DenseLayerFile[] }).layers[0];
}

/** A point on the diagram's link `which` (0 the first, -1 the last), a third of the way along (links cross in their middles). */
async function linkPoint(page: Parameters<typeof button>[0], which: number): Promise<{ x: number; y: number }> {
  return page
    .locator('.diagram-links .link-hits path')
    .nth(which)
    .evaluate((path: SVGPathElement) => {
      const point = path.getPointAtLength(path.getTotalLength() / 3);
      const box = path.ownerSVGElement!.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    });
}

/** The tooltip of the diagram's link `which`, hovered. */
async function linkTip(page: Parameters<typeof button>[0], which: number): Promise<string | null> {
  const point = await linkPoint(page, which);
  await page.mouse.move(0, 0);
  await page.mouse.move(point.x, point.y);
  return page.getByRole('tooltip').textContent();
}

it.each<BackendMode>(['cpu', 'webgpu'])('a neuron fills the plane with its formula; typed while paused, its weight and bias go into the model (its link’s hover shows the weight; the link pulled changes it), and Ctrl+Z takes them back, on %s', async (mode) => {
  await withPlayground(mode, '', async (page) => {
    const diagram = page.getByRole('group', { name: 'Network diagram' });
    const plane = page.getByRole('img', { name: 'Decision boundary' });
    const output = await plane.screenshot();
    const before = await exportedFirstLayer(page);

    await diagram.getByRole('button', { name: 'Neuron 2 of layer 1' }).click();
    const neuronPlane = page.getByRole('img', { name: 'Output of neuron 2 of layer 1' });
    await neuronPlane.waitFor();
    await expect.poll(async () => (await neuronPlane.screenshot()).equals(output)).toBe(false);
    const formula = page.getByRole('group', { name: 'Neuron on the plane' }).getByRole('status', { name: 'Neuron formula' });
    const numbers = (layer: DenseLayerFile) => [layer.weight[1][0], layer.weight[1][1], layer.bias[1]].map((value) => value.toPrecision(3).replace('-', ''));
    // The formula's numbers are the model's: tanh(w₁·x₁ ± w₂·x₂ ± b).
    const [w1, w2, b] = numbers(before);
    await expect.poll(() => formula.textContent()).toMatch(new RegExp(`^tanh\\(−?${w1}·x₁ [+−] ${w2}·x₂ [+−] ${b}\\)$`));

    // Paused, the click also opened the neuron's parameters.
    const popover = page.getByRole('dialog', { name: 'Neuron 2 of layer 1' });
    // A value that is no number is refused in the field's words, and changes nothing.
    await field(page, 'Bias').fill('abc');
    await popover.getByRole('button', { name: 'Set' }).click();
    expect(await popover.getByRole('alert').textContent()).toBe('Bias must be a number; got “abc”');
    expect(await exportedFirstLayer(page)).toEqual(before);
    await field(page, 'Weight from x₁').fill('-0.75');
    await field(page, 'Bias').fill('1.5');
    await popover.getByRole('button', { name: 'Set' }).click();
    await expect.poll(() => popover.count()).toBe(0);
    await expect.poll(() => formula.textContent()).toMatch(/^tanh\(−0\.750·x₁ [+−] [\d.]+·x₂ \+ 1\.50\)$/);
    const edited = await exportedFirstLayer(page);
    expect([edited.weight[1][0], edited.bias[1]]).toEqual([-0.75, 1.5]);
    expect(edited.weight[0]).toEqual(before.weight[0]);
    // Hovering the link from x₁ to the neuron shows the typed weight.
    await expect.poll(() => linkTip(page, 1)).toBe('Weight -0.750 from x₁ to neuron 2 of layer 1');
    // Pulled up by 50 pixels, the link's weight grows by 1 (0.02 a pixel), as one edit: Ctrl+Z takes the pull back.
    const link = await linkPoint(page, 1);
    await page.mouse.move(link.x, link.y);
    await page.mouse.down();
    await page.mouse.move(link.x, link.y - 50, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await exportedFirstLayer(page)).weight[1][0]).toBeCloseTo(0.25, 5);
    expect(await popover.count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await exportedFirstLayer(page)).weight[1][0]).toBe(-0.75);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await exportedFirstLayer(page)).bias[1]).toBe(before.bias[1]);
    expect(await exportedFirstLayer(page)).toEqual(before);
    await expect.poll(() => formula.textContent()).toMatch(new RegExp(`${b}\\)$`));

    // The output comes back to the plane.
    await button(page, 'Show the output').click();
    await plane.waitFor();
    // Compare opening, and another dataset, take the neuron off the plane too: it no longer means the same there.
    const focusBox = page.getByRole('group', { name: 'Neuron on the plane' });
    await diagram.getByRole('button', { name: 'Neuron 2 of layer 1' }).click();
    await neuronPlane.waitFor();
    await popover.getByRole('button', { name: 'Cancel' }).click();
    await button(page, 'Compare').click();
    await expect.poll(() => focusBox.count()).toBe(0);
    await plane.waitFor();
    await page.getByRole('complementary', { name: 'Compare' }).getByRole('button', { name: 'Close', exact: true }).click();
    await diagram.getByRole('button', { name: 'Neuron 2 of layer 1' }).click();
    await neuronPlane.waitFor();
    await popover.getByRole('button', { name: 'Cancel' }).click();
    await field(page, 'Dataset').selectOption({ label: 'XOR' });
    await expect.poll(() => focusBox.count()).toBe(0);
    await plane.waitFor();
  });
});

/** The accessible name of the element that has focus ('' on the page's body). */
const focusedName = (page: Parameters<typeof button>[0]) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

it.each<BackendMode>(['cpu', 'webgpu'])('by keyboard: Tab into the diagram, arrows to a neuron, Enter opens it; its bias dragged while paused moves the plane, and one Ctrl+Z takes the drag back, on %s', async (mode) => {
  await withPlayground(mode, '', async (page) => {
    const before = await exportedFirstLayer(page);
    await button(page, 'See inside').focus();
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Neuron 1 of layer 1');
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe('Neuron 2 of layer 1');
    await page.keyboard.press('ArrowRight');
    expect(await focusedName(page)).toBe('Neuron 2 of layer 2');
    // The numbers a hover shows come with the focus.
    expect(await page.getByRole('tooltip').textContent()).toMatch(/^Neuron 2 of layer 2 · bias -?[\d.]+ · activation /);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const neuronPlane = page.getByRole('img', { name: 'Output of neuron 2 of layer 1' });
    await neuronPlane.waitFor();
    const popover = page.getByRole('dialog', { name: 'Neuron 2 of layer 1' });
    await popover.waitFor();
    await expect.poll(() => focusedName(page)).toBe('Weight from x₁');
    const shown = await neuronPlane.screenshot();

    // A drag along the bias's slider: the plane follows while the pointer moves.
    const slider = field(page, 'Bias slider');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
    await expect.poll(async () => (await neuronPlane.screenshot()).equals(shown)).toBe(false);
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = Number(await field(page, 'Bias').inputValue());
    expect(dragged).toBeGreaterThan(0.5);
    await expect.poll(async () => (await exportedFirstLayer(page)).bias[1]).toBeCloseTo(dragged, 5);
    expect((await exportedFirstLayer(page)).weight).toEqual(before.weight);

    // One Ctrl+Z takes back the whole drag.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await exportedFirstLayer(page)).bias[1]).toBe(before.bias[1]);
    expect(await exportedFirstLayer(page)).toEqual(before);
    await expect.poll(async () => (await neuronPlane.screenshot()).equals(shown)).toBe(true);

    // Escape closes the popover and gives focus back to the neuron; Escape again leaves the diagram.
    await slider.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
    expect(await focusedName(page)).toBe('Neuron 2 of layer 1');
    await page.keyboard.press('Escape');
    expect(await focusedName(page)).toBe('');
  });
});

it('while training runs, a click on a neuron shows it and opens nothing to type', async () => {
  await withPlayground('cpu', '', async (page) => {
    await button(page, 'Play').click();
    await page.getByRole('group', { name: 'Network diagram' }).getByRole('button', { name: 'Neuron 1 of layer 2' }).click();
    await page.getByRole('img', { name: 'Output of neuron 1 of layer 2' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await button(page, 'Pause').click();
  });
});

it.each<BackendMode>(['cpu', 'webgpu'])('Slow-motion step: forward layer by layer, loss, backward layer by layer and update for one point, and the weights move, on %s', async (mode) => {
  await withPlayground(mode, '', async (page) => {
    const before = await exportedFirstLayer(page);
    await button(page, 'See inside').click();
    await button(page, 'Slow-motion step').click();
    // The side panel gives the network back its place: the step is shown under the diagram.
    await expect.poll(() => page.getByRole('complementary', { name: 'See inside' }).count()).toBe(0);
    const region = page.getByRole('region', { name: 'Slow-motion step' });
    const heading = region.getByRole('heading');
    const lines = region.getByRole('list', { name: 'Stage numbers' }).getByRole('listitem');
    const next = async (title: string) => {
      await button(page, 'Next stage').click();
      expect(await heading.textContent()).toBe(title);
    };
    // The links show what each weight passes on for this point, then their gradients: first the first layer's, last the output's.
    const tipOf = (which: number) => () => linkTip(page, which);
    const firstLayerTip = tipOf(0);
    const outputTip = tipOf(-1);
    const number = '-?[\\d.]+(e[-+]?\\d+)?';
    const values = (count: number) => `(${number}, ){${count - 1}}${number}`;
    await expect.poll(() => heading.textContent()).toBe('Stage 1 of 8: Forward, layer 1');
    await expect.poll(firstLayerTip).toMatch(new RegExp(`^Weight × input ${number} from `));
    expect(await outputTip()).toMatch(/^Weight × input 0\.00 from /);
    expect(await lines.allTextContents()).toEqual([expect.stringMatching(/^Features: /), expect.stringMatching(new RegExp(`^Layer 1: ${values(8)}$`))]);
    await next('Stage 2 of 8: Forward, layer 2');
    expect(await lines.count()).toBe(3);
    await next('Stage 3 of 8: Forward, output');
    expect(await lines.allTextContents()).toEqual([expect.stringMatching(/^Features: /), expect.stringMatching(/^Layer 1: /), expect.stringMatching(/^Layer 2: /), expect.stringMatching(/^Output/)]);
    await expect.poll(outputTip).toMatch(new RegExp(`^Weight × input ${number} from `));
    await next('Stage 4 of 8: Loss');
    expect(await lines.allTextContents()).toEqual([expect.stringMatching(/^Probabilities: [\d.]+, [\d.]+; true class [01]$/), expect.stringMatching(/^Loss: [\d.]+$/)]);
    await next('Stage 5 of 8: Backward, output');
    expect(await lines.allTextContents()).toEqual([expect.stringMatching(/^Output: largest \|∂L\/∂w\| /)]);
    await expect.poll(outputTip).toMatch(new RegExp(`^Gradient ${number} from `));
    expect(await firstLayerTip()).toMatch(/^Gradient 0\.00 from /);
    await next('Stage 6 of 8: Backward, layer 2');
    await next('Stage 7 of 8: Backward, layer 1');
    expect(await lines.allTextContents()).toEqual([expect.stringMatching(/^Output: /), expect.stringMatching(/^Layer 2: /), expect.stringMatching(/^Layer 1: /)]);
    await expect.poll(firstLayerTip).not.toMatch(/^Gradient 0\.00 from /);
    await next('Stage 8 of 8: Update');
    await expect.poll(firstLayerTip).toMatch(new RegExp(`^Weight ${number} from `));
    // The update is in the model: its exported weights moved.
    await expect.poll(async () => JSON.stringify(await exportedFirstLayer(page))).not.toBe(JSON.stringify(before));
    await next('Stage 1 of 8: Forward, layer 1');
  });
});

it.each<BackendMode>(['cpu', 'webgpu'])('Dataset and Activation changed during a slow-motion step start it again on the new model, whose loss is its own, without errors, on %s', async (mode) => {
  await withPlayground(mode, '#dataset=blobs&classes=3', async (page) => {
    await button(page, 'See inside').click();
    await button(page, 'Slow-motion step').click();
    const region = page.getByRole('region', { name: 'Slow-motion step' });
    const heading = region.getByRole('heading');
    const lines = region.getByRole('list', { name: 'Stage numbers' }).getByRole('listitem');
    await expect.poll(() => heading.textContent()).toBe('Stage 1 of 8: Forward, layer 1');
    await button(page, 'Next stage').click();
    await field(page, 'Dataset').selectOption({ label: 'Circle' });
    // The step starts again on the 2-class model: its loss is −ln of the true class's probability shown.
    await expect.poll(() => heading.textContent()).toBe('Stage 1 of 8: Forward, layer 1');
    for (let i = 0; i < 3; i++) await button(page, 'Next stage').click();
    expect(await heading.textContent()).toBe('Stage 4 of 8: Loss');
    const [probabilities, loss] = await lines.allTextContents();
    const [, p0, p1, label] = /^Probabilities: ([\d.e-]+), ([\d.e-]+); true class ([01])$/.exec(probabilities)!;
    const shown = Number(/^Loss: ([\d.e-]+)$/.exec(loss)![1]);
    expect(shown).toBeCloseTo(-Math.log(Number(label === '1' ? p1 : p0)), 2);
    await field(page, 'Activation').selectOption('relu');
    await expect.poll(() => heading.textContent()).toBe('Stage 1 of 8: Forward, layer 1');
    for (let i = 0; i < 8; i++) await button(page, 'Next stage').click();
    expect(await heading.textContent()).toBe('Stage 1 of 8: Forward, layer 1');
  });
});

it('a network too wide for a slow-motion step says why where keyboard users reach the button: a visible hint that is its description', async () => {
  await withPlayground('cpu', '#hidden=16', async (page) => {
    await button(page, 'See inside').click();
    // The panel's heading has the focus; Tab reaches the button.
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Slow-motion step');
    expect(await focused.getAttribute('aria-disabled')).toBe('true');
    const reason = page.locator(`#${await focused.getAttribute('aria-describedby')}`);
    expect(await reason.isVisible()).toBe(true);
    expect(await reason.textContent()).toBe('Slow-motion step is for networks of up to 8 units a layer; this one has 16.');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('complementary', { name: 'See inside' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Slow-motion step' }).count()).toBe(0);
  });
});

it('during a slow-motion step the diagram shows every input feature, at 1280×720 and 1920×1080', async () => {
  await withPlayground('cpu', '#hidden=8,8,8', async (page) => {
    await button(page, 'See inside').click();
    await button(page, 'Slow-motion step').click();
    const heading = page.getByRole('region', { name: 'Slow-motion step' }).getByRole('heading');
    await expect.poll(() => heading.textContent()).toBe('Stage 1 of 10: Forward, layer 1');
    // The forward pass's last stage lists the most numbers.
    for (let i = 0; i < 3; i++) await button(page, 'Next stage').click();
    expect(await heading.textContent()).toBe('Stage 4 of 10: Forward, output');
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(viewport);
      await expect
        .poll(() =>
          page.evaluate(() => {
            const diagram = document.querySelector('[aria-label="Network diagram"]')!.getBoundingClientRect();
            const labels = [...document.querySelectorAll('.feature-toggle .feature-name')];
            const inside = labels.filter((label) => {
              const box = label.getBoundingClientRect();
              return box.height > 0 && box.top >= diagram.top && box.bottom <= diagram.bottom;
            });
            return inside.map((label) => label.textContent);
          }),
        )
        .toEqual(['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁x₂', 'sin x₁', 'sin x₂', 'r', 'θ']);
    }
  });
});
