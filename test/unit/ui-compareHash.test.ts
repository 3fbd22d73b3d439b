import { describe, expect, it } from 'vitest';
import { readHash } from '../../src/ui/urlSync';

describe('how the page reads a compare link', () => {
  it('opens compare mode with the sweep, and reads the rest of the link as usual', async () => {
    const read = await readHash('#dataset=xor&compare=seed:1,2;features:x1%2Bx2,x1%2Bx2%2Br&lr=0.03');
    expect(read.problems).toEqual([]);
    expect(read.compare).toEqual([
      { key: 'seed', values: [1, 2] },
      { key: 'features', values: [['x1', 'x2'], ['x1', 'x2', 'r']] },
    ]);
    expect(read.state.config.data.preset).toBe('xor');
    expect(read.state.config.training.learningRate).toBe(0.03);
  });

  it("a damaged sweep joins the link's problems, naming the compare control, and the page opens without it", async () => {
    const read = await readHash('#dataset=xor&compare=seed:1,2;lr:0.001,12');
    expect(read.problems).toEqual(['Compare: Learning rate must be a number from 0 to 10; got 12']);
    expect(read.compare).toBeNull();
    expect(read.state.config.data.preset).toBe('xor');
  });

  it('a link without compare= opens no sweep', async () => {
    expect((await readHash('#dataset=xor')).compare).toBeNull();
  });
});
