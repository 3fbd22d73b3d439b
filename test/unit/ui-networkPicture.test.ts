import { describe, expect, it } from 'vitest';
import { buildModelSpec, planNetwork } from '../../src/core/network';
import { defaultConfig } from '../../src/core/config';
import { MAX_DRAWN_NEURONS, networkPictureSvg } from '../../src/ui/networkPicture';

const task = { kind: 'classification', classes: 2 } as const;

describe("the report's picture of the network", () => {
  it('draws every neuron and connection, each as wide as its weight is large and coloured by its sign', () => {
    const plan = planNetwork(buildModelSpec({ ...defaultConfig().model, hidden: [2] }, task));
    // Weights of 2 → 2 then 2 → 1: the largest (−4) is widest and negative.
    const parameters = [1, -4, 0, 2, 4, 0, 0, 0, 0];
    const svg = networkPictureSvg(plan, parameters, ['x₁', 'x₂']);
    expect(svg.match(/<circle /g)).toHaveLength(5);
    const lines = [...svg.matchAll(/<line [^>]*stroke="([^"]+)" stroke-width="([^"]+)"/g)].map(([, colour, width]) => [colour, Number(width)]);
    expect(lines).toHaveLength(6);
    expect(lines[1][1]).toBe(4.5);
    expect(lines[2][1]).toBe(0.5);
    expect(lines[1][0]).not.toBe(lines[0][0]);
    expect(svg).toContain('>x₁</text>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('a wide layer shows its first neurons and counts the rest', () => {
    const plan = planNetwork(buildModelSpec({ ...defaultConfig().model, hidden: [100] }, task));
    const svg = networkPictureSvg(plan, null, ['x₁', 'x₂']);
    expect(svg).toContain(`Layer 1 (+${100 - MAX_DRAWN_NEURONS} more)`);
    expect(svg.match(/<circle /g)).toHaveLength(2 + MAX_DRAWN_NEURONS + 1);
  });
});
