import { describe, expect, it } from 'vitest';
import { decodeUrlState, defaultUrlState } from '../../src/io/urlState';

const VOCABULARY = { controls: ['lr'], lessons: [] };

describe('numbers in a link are plain decimals', () => {
  it.each(['0x0', '0x10', '0b1', '0o0', ' 0.1'])('noise=%s is refused by name and keeps the default', (text) => {
    const { state, problems } = decodeUrlState(`#noise=${encodeURIComponent(text)}`, VOCABULARY);
    expect(state.config.data.noise).toBe(defaultUrlState().config.data.noise);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^noise: /);
  });

  it('decimals as people write them are read', () => {
    expect(decodeUrlState('#noise=.25', VOCABULARY).state.config.data.noise).toBe(0.25);
    expect(decodeUrlState('#lr=1e-3', VOCABULARY).state.config.training.learningRate).toBe(0.001);
  });
});
