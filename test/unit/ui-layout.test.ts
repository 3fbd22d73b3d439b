import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { MAX_SHOWN, headerPitch, layoutDiagram } from '../../src/ui/diagramLayout';
import { addLayer, canAddLayer, hiddenWidths, removeLayer, setLayerActivation, setLayerWidth } from '../../src/ui/modelEdits';
import { formatAccuracy, formatEpoch, formatLoss, formatRate } from '../../src/ui/format';
import { epochScale } from '../../src/ui/lossChartDraw';

describe('network diagram layout', () => {
  it('places every column inside the box, inputs left and output right', () => {
    const layout = layoutDiagram(9, [8, 8], 1, 560, 480);
    expect(layout.columns.map((c) => c.kind)).toEqual(['input', 'hidden', 'hidden', 'output']);
    const xs = layout.columns.map((c) => c.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const column of layout.columns) {
      for (const node of column.nodes) {
        expect(node.y - layout.node / 2).toBeGreaterThanOrEqual(layout.top);
        expect(node.y + layout.node / 2).toBeLessThanOrEqual(480);
      }
    }
    expect(layout.columns[1].nodes).toHaveLength(8);
  });

  it('keeps every input feature in a short box (the diagram during a slow-motion step), none overlapping', () => {
    const layout = layoutDiagram(9, [8, 8, 8], 1, 500, 172);
    const inputs = layout.columns[0];
    expect(inputs.nodes).toHaveLength(9);
    expect(inputs.hidden).toBe(0);
    expect(inputs.nodes[0].y - layout.node / 2).toBeGreaterThanOrEqual(layout.top);
    expect(inputs.nodes[8].y + layout.node / 2).toBeLessThanOrEqual(172);
    for (let i = 1; i < 9; i++) expect(inputs.nodes[i].y - inputs.nodes[i - 1].y).toBeGreaterThanOrEqual(layout.node);
  });

  it('shows a 1024-wide layer compactly: its first neurons and how many more', () => {
    const layout = layoutDiagram(9, [1024, 3], 1, 560, 480);
    const wide = layout.columns[1];
    expect(wide.nodes.length).toBeLessThanOrEqual(MAX_SHOWN);
    expect(wide.nodes.length + wide.hidden).toBe(1024);
    expect(wide.moreY).toBeGreaterThan(wide.nodes.at(-1)!.y);
    expect(wide.moreY).toBeLessThanOrEqual(480);
    expect(layout.columns[2].hidden).toBe(0);
  });

  it('keeps thumbnails readable with sixteen layers', () => {
    const layout = layoutDiagram(9, Array(16).fill(8), 1, 560, 480);
    expect(layout.node).toBeGreaterThanOrEqual(14);
    expect(layout.columns).toHaveLength(18);
  });
});

describe('network diagram at any size', () => {
  /** Whether two labels of about `width` px, centred at a and b, would overlap. */
  const apart = (a: number, b: number, width: number) => Math.abs(a - b) >= width;

  it('gives every layer its header while the columns are far enough apart', () => {
    const layout = layoutDiagram(7, [8, 8], 1, 560, 480);
    expect(layout.headers).toBe('full');
    expect(layout.step).toBeGreaterThanOrEqual(headerPitch(1));
    expect(layout.summary).toBeNull();
  });

  it('summarises sixteen layers of 1024 as one line over a strip, with one "more" line', () => {
    const layout = layoutDiagram(7, Array(16).fill(1024), 1, 460, 400);
    expect(layout.headers).toBe('strip');
    expect(layout.summary?.text).toBe('16 layers × 1,024');
    expect(layout.more).toHaveLength(1);
    expect(layout.more[0].text).toMatch(/^… [\d,]+ more in each of 16 layers$/);
    const hidden = layout.columns.slice(1, -1);
    expect(layout.summary!.x).toBeCloseTo((hidden[0].x + hidden[15].x) / 2);
  });

  it('says "1 layer" for a single layer too narrow for its header', () => {
    const layout = layoutDiagram(7, [1024], 1, 200, 300);
    expect(layout.headers).toBe('strip');
    expect(layout.summary?.text).toBe('1 layer × 1,024');
  });

  it('names the range of widths when the summarised layers differ', () => {
    const layout = layoutDiagram(7, [2, 64, 1024, 8, 8, 8, 8, 8, 8, 8, 8, 8], 1, 400, 400);
    expect(layout.summary?.text).toBe('12 layers, 2–1,024 neurons');
  });

  it('never lets two "more" labels or two headers come closer than they are wide', () => {
    for (const width of [300, 420, 560, 800, 1200]) {
      for (const layers of [1, 2, 4, 8, 16]) {
        const layout = layoutDiagram(7, Array(layers).fill(1024), 1, width, 400);
        const xs = layout.more.map((label) => label.x);
        for (let i = 1; i < xs.length; i++) expect(apart(xs[i - 1], xs[i], 90), `${layers} layers in ${width} px`).toBe(true);
        if (layout.headers === 'full') {
          const hidden = layout.columns.slice(1, -1).map((column) => column.x);
          for (let i = 1; i < hidden.length; i++) expect(apart(hidden[i - 1], hidden[i], headerPitch(4))).toBe(true);
        }
      }
    }
  });
});

describe('model edits', () => {
  const mlp = defaultConfig().model;
  const resnet = { ...mlp, arch: 'resnet' as const, width: 16, blocks: 2 };

  it('adds and removes MLP layers within 0…16, copying the last width', () => {
    expect(addLayer({ ...mlp, hidden: [5] }).hidden).toEqual([5, 5]);
    expect(addLayer({ ...mlp, hidden: [] }).hidden).toEqual([4]);
    expect(removeLayer({ ...mlp, hidden: [], layerActivations: [] }).hidden).toEqual([]);
    const full = { ...mlp, hidden: Array(16).fill(2) };
    expect(canAddLayer(full)).toBe(false);
    expect(addLayer(full)).toBe(full);
    expect(removeLayer({ ...mlp, hidden: [3, 4], layerActivations: ['relu', 'elu'] })).toMatchObject({ hidden: [3], layerActivations: ['relu'] });
  });

  it('adds residual blocks to a ResNet, whose layers share one width', () => {
    expect(hiddenWidths(resnet)).toEqual([16, 16, 16, 16, 16]);
    expect(addLayer(resnet).blocks).toBe(3);
    expect(setLayerWidth(resnet, 3, 2000).width).toBe(1024);
    expect(setLayerWidth(mlp, 1, 0).hidden).toEqual([8, 1]);
  });

  it('sets one layer\u2019s activation and drops trailing defaults', () => {
    expect(setLayerActivation(mlp, 1, 'relu').layerActivations).toEqual([null, 'relu']);
    expect(setLayerActivation({ ...mlp, layerActivations: [null, 'relu'] }, 1, null).layerActivations).toEqual([]);
  });
});

describe('readout formats', () => {
  it('writes losses, accuracies, epochs and speeds readably', () => {
    expect(formatLoss(0.123456)).toBe('0.123');
    expect(formatLoss(NaN)).toBe('—');
    expect(formatLoss(2e-5)).toBe('2.00e-5');
    expect(formatAccuracy(0.9567)).toBe('95.7%');
    expect(formatAccuracy(null)).toBe('—');
    expect(formatEpoch(3.25)).toBe('3.3');
    expect(formatEpoch(12345.6)).toBe('12,345');
    expect(formatRate(15234)).toBe('15,000');
    expect(formatRate(42.4)).toBe('42');
  });
});

describe('loss chart epoch axis', () => {
  it('reads 0 … 1 before the first epoch, not a sliver of one with long labels', () => {
    const { scale, labels } = epochScale(0, 0, 52, 400);
    expect(scale.domain()).toEqual([0, 1]);
    expect(labels(5)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
  });

  it('follows the run once it is longer than an epoch, with short labels', () => {
    const { scale, labels } = epochScale(0, 2400, 52, 400);
    expect(scale.domain()).toEqual([0, 2400]);
    expect(labels(3)).toEqual(['0', '1000', '2000']);
  });
});
