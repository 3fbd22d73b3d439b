import { describe, expect, it } from 'vitest';
import { HIDDEN_ACTIVATIONS } from '../../src/core/activations';
import { ARCHITECTURES, defaultConfig, INIT_SCHEMES, OPTIMIZERS, type ExperimentConfig } from '../../src/core/config';
import { CLASSIFICATION_PRESETS } from '../../src/data/presets/registry';
import { FEATURE_NAMES } from '../../src/core/features';
import { createRng } from '../../src/core/rng';
import { roundCoordinate } from '../../src/core/coordinates';
import { decodePoints, encodePoints, linkObstacle } from '../../src/io/pointsLink';
import { ALWAYS_SHOWN, CONFIG_KEYS, decodeUrlState, defaultUrlState, encodeUrlState, type UrlState } from '../../src/io/urlState';
import { SETTING_ITEM_LABELS, SETTING_LABELS } from '../../src/core/settingLabels';
import { withDrawnPoints } from '../../src/train/dataEdits';
import { emptyDataset } from '../../src/data/draw';
import { generateDataset } from '../../src/data/presets';

const VOCABULARY = { controls: ['lr', 'activation', 'dataset'], lessons: ['linear-model'] };

/** A valid config with every field drawn at random. */
function randomConfig(seed: number): ExperimentConfig {
  const rng = createRng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng.next() * items.length)];
  const config = defaultConfig();
  config.data = { preset: pick(CLASSIFICATION_PRESETS), points: 1 + Math.floor(rng.next() * 5000), noise: rng.next(), classes: 2 + Math.floor(rng.next() * 5), seed: Math.floor(rng.next() * 0xffffffff), trainFraction: 0.05 + 0.95 * rng.next() };
  const layers = Math.floor(rng.next() * 5);
  config.model = {
    arch: pick(ARCHITECTURES),
    hidden: Array.from({ length: layers }, () => 1 + Math.floor(rng.next() * 300)),
    width: 1 + Math.floor(rng.next() * 64),
    blocks: Math.floor(rng.next() * 6),
    activation: pick(HIDDEN_ACTIVATIONS),
    layerActivations: Array.from({ length: layers }, () => (rng.next() < 0.5 ? null : pick(HIDDEN_ACTIVATIONS))),
    features: FEATURE_NAMES.filter((_, i) => i === 0 || rng.next() < 0.4),
    init: pick(INIT_SCHEMES),
    initScale: rng.next() * 10,
    normalize: rng.next() < 0.5,
  };
  config.training = { ...config.training, optimizer: pick(OPTIMIZERS), learningRate: rng.next() * 3, momentum: rng.next() * 0.99, batchSize: rng.next() < 0.2 ? 'all' : 1 + Math.floor(rng.next() * 500), l1: rng.next() * 0.01, l2: rng.next() * 0.1, dropout: rng.next() * 0.9, seed: Math.floor(rng.next() * 0xffffffff) };
  return config;
}

describe('URL state', () => {
  it('round-trips every field of random configs exactly, with view, hidden controls, presentation and lesson', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const state: UrlState = { ...defaultUrlState(), config: randomConfig(seed), view: { showTestData: seed % 2 === 0, discretize: seed % 3 === 0, logScale: true }, hidden: seed % 2 ? ['lr', 'dataset'] : [], present: seed % 2 === 1, lesson: 'linear-model' };
      const { state: read, problems } = decodeUrlState(encodeUrlState(state), VOCABULARY);
      expect(problems).toEqual([]);
      expect(read).toEqual(state);
    }
  });

  it('writes a readable hash, and an empty hash is the default page', () => {
    const hash = encodeUrlState({ ...defaultUrlState(), config: { ...defaultConfig(), model: { ...defaultConfig().model, hidden: [4, 4] } } });
    expect(hash).toContain('dataset=circle');
    expect(hash).toContain('hidden=4,4');
    expect(hash).toContain('lr=0.01');
    expect(decodeUrlState('', VOCABULARY)).toEqual({ state: defaultUrlState(), problems: [] });
  });

  it('ignores each bad field, names it as the page does, keeps its default, and uses the good ones', () => {
    const { state, problems } = decodeUrlState('#dataset=xor&lr=abc&hidden=4,0&activation=swish&batch=-3&features=x1,x1&noise=2&hidden=3&seed=1.5&present=maybe', VOCABULARY);
    expect(state.config.data.preset).toBe('xor');
    expect(state.config.model.hidden).toEqual([3]);
    expect(state.config.training.learningRate).toBe(defaultConfig().training.learningRate);
    expect(state.config.model.activation).toBe(defaultConfig().model.activation);
    expect(state.present).toBe(false);
    expect(problems).toEqual([
      'Hidden layers is given twice; used the last',
      'Noise must be a number from 0 to 1; got 2; kept 0.1',
      `Activation must be one of ${HIDDEN_ACTIVATIONS.join(', ')}; got "swish"; kept tanh`,
      'Input feature 2: "x1" appears twice; kept x1,x2',
      'Learning rate must be a number from 0 to 10; got "abc"; kept 0.01',
      'Batch size must be a whole number from 1 to 100000 or "all"; got -3; kept 16',
      'Training seed must be a whole number from 0 to 4294967295; got 1.5; kept 1',
      'Presentation mode must be true or false; got "maybe"; ignored',
    ]);
  });

  it('names the control, never a config path: points=0 and lr=12 say what the Points and Learning rate fields accept', () => {
    const { problems } = decodeUrlState('#points=0&lr=12&hidden=4,x&trainFraction=0', VOCABULARY);
    expect(problems).toEqual([
      'Points must be a whole number from 1 to 100000; got 0; kept 500',
      'Training data fraction must be a number greater than 0 and at most 1; got 0; kept 0.7',
      'Neurons in layer 2 must be a whole number from 1 to 1024; got "x"; kept 8,8',
      'Learning rate must be a number from 0 to 10; got 12; kept 0.01',
    ]);
  });

  it('says how long a list may be', () => {
    expect(decodeUrlState(`#hidden=${Array(17).fill(2).join(',')}`, VOCABULARY).problems).toEqual(['Hidden layers must be a list of at most 16 layer widths; got 17; kept 8,8']);
  });

  it('reads numbers in decimal notation only: hexadecimal, binary, octal, padded and empty values are refused', () => {
    for (const text of ['0x10', '0b1', '0o7', '%201', '1%20', '0X1']) {
      const { state, problems } = decodeUrlState(`#noise=${text}`, VOCABULARY);
      expect(state.config.data.noise, text).toBe(defaultConfig().data.noise);
      expect(problems, text).toEqual([`Noise must be a decimal number; got "${decodeURIComponent(text)}"; kept 0.1`]);
    }
    expect(decodeUrlState('#noise=', VOCABULARY).problems).toEqual(['Noise must be a number from 0 to 1; got ""; kept 0.1']);
    expect(decodeUrlState('#hidden=4,0x8', VOCABULARY).problems).toEqual(['Neurons in layer 2 must be a decimal number; got "0x8"; kept 8,8']);
    const { state, problems } = decodeUrlState('#noise=.5&lr=1e-3&points=%2B20&l2=-0', VOCABULARY);
    expect(problems).toEqual([]);
    expect([state.config.data.noise, state.config.training.learningRate, state.config.data.points, state.config.training.l2]).toEqual([0.5, 0.001, 20, -0]);
  });

  it('rejects a bad value of every key on its own: the message names the control and the value, and the default stays', () => {
    const bad: Record<string, string> = {
      dataset: 'pizza',
      points: '0',
      noise: '2',
      classes: '9',
      dataSeed: '-1',
      trainFraction: '0',
      arch: 'cnn',
      hidden: '4,0',
      width: '0',
      blocks: '17',
      activation: 'swish',
      layerActivations: 'relu,swish',
      features: 'x1,x9',
      init: 'ones',
      initScale: '2000',
      normalize: 'maybe',
      optimizer: 'rmsprop',
      lr: 'abc',
      momentum: '1',
      batch: '0',
      l1: '-1',
      l2: 'NaN',
      dropout: '1',
      seed: '1.5',
      lrSchedule: 'linear',
      lrStep: '0',
      lrGamma: '1.5',
      warmupSteps: '2.5',
      earlyStopping: '-3',
      stopAtLoss: '101',
      showTestData: 'yes',
      present: '2',
    };
    expect(CONFIG_KEYS.map(({ key }) => key).filter((key) => !(key in bad))).toEqual([]);
    const labels: string[] = Object.values(SETTING_LABELS).flatMap((section) => Object.values(section));
    for (const [key, value] of Object.entries(bad)) {
      const { state, problems } = decodeUrlState(`#${key}=${value}`, VOCABULARY);
      expect(state, key).toEqual(defaultUrlState());
      expect(problems, key).toHaveLength(1);
      const setting = CONFIG_KEYS.find((candidate) => candidate.key === key);
      if (setting) {
        const label = (SETTING_LABELS[setting.section] as Record<string, string>)[setting.field];
        const item = SETTING_ITEM_LABELS[setting.field];
        expect(problems[0].startsWith(label) || (item !== undefined && problems[0].startsWith(item(value.split(',').length - 1))), `${key}: ${problems[0]}`).toBe(true);
      } else {
        expect(labels.some((label) => problems[0].startsWith(label)), key).toBe(false);
      }
      expect(problems[0], key).not.toContain(`${key}:`);
      expect(problems[0], key).toContain(value.split(',').pop()!);
      expect(problems[0], key).toMatch(/; (kept .+|ignored)$/);
    }
    const all = decodeUrlState(`#${Object.entries(bad).map(([key, value]) => `${key}=${value}`).join('&')}`, VOCABULARY);
    expect(all.state).toEqual(defaultUrlState());
    expect(all.problems).toHaveLength(Object.keys(bad).length);
  });

  it('reports unknown keys, unknown controls and lessons, and text that is not URL text', () => {
    const { state, problems } = decodeUrlState('#colour=red&hide=lr,volume&activation_hide=true&speed_hide=true&lesson=calculus&%E0%A4%A=1', VOCABULARY);
    expect(state.hidden).toEqual(['lr', 'activation']);
    expect(state.lesson).toBeNull();
    expect(problems).toEqual([
      '"%E0%A4%A=1" is not valid URL text; ignored',
      'hide=: "volume" is not a control of the page; ignored',
      '"speed_hide" names no control of the page; ignored',
      'There is no lesson "calculus"; ignored',
      '"colour" is not a setting Descent knows; ignored',
    ]);
  });

  it('echoes a long key or value cut short with an ellipsis: a 100,000-character key gives a short message', () => {
    const long = 'k'.repeat(100_000);
    const { problems } = decodeUrlState(`#${long}=1&hide=${long}&lesson=${long}&lr=${long}`, VOCABULARY);
    expect(problems).toHaveLength(4);
    for (const problem of problems) {
      expect(problem.length, problem).toBeLessThan(120);
      expect(problem).toContain('kkk…"');
    }
  });

  it('show= keeps only the listed controls', () => {
    expect(decodeUrlState('#show=lr&present=1', VOCABULARY).state).toMatchObject({ hidden: ['activation', 'dataset'], present: true });
  });

  it('show= with no known control is ignored and changes nothing; unknown ids in it are named', () => {
    expect(decodeUrlState('#show=nothing', VOCABULARY)).toEqual({ state: defaultUrlState(), problems: ['show=: "nothing" is not a control of the page; ignored'] });
    expect(decodeUrlState('#show=', VOCABULARY)).toEqual({ state: defaultUrlState(), problems: ['show= lists no control; ignored'] });
    expect(decodeUrlState('#show=lr,nothing', VOCABULARY).state.hidden).toEqual(['activation', 'dataset']);
  });

  it('Play, +1 epoch and Reset can never be hidden by a link, by hide=, transport_hide= or show=', () => {
    const hidden = decodeUrlState('#hide=transport,lr&transport_hide=true', VOCABULARY);
    expect(hidden.state.hidden).toEqual(['lr']);
    expect(hidden.problems).toEqual(['Play, +1 epoch and Reset always show; a link cannot hide them', 'Play, +1 epoch and Reset always show; a link cannot hide them']);
    const shown = decodeUrlState('#show=transport', VOCABULARY);
    expect(shown.problems).toEqual([]);
    expect(shown.state.hidden).toEqual(VOCABULARY.controls);
    expect(Object.keys(ALWAYS_SHOWN)).toEqual(['transport']);
  });
});

describe('drawn points in a link', () => {
  const drawn = () => {
    const rng = createRng(3);
    let dataset = emptyDataset({ kind: 'classification', classes: 2 });
    for (let i = 0; i < 300; i++) dataset = withDrawnPoints(dataset, [[rng.uniform(-6, 6), rng.uniform(-6, 6)]], i % 3);
    return dataset;
  };

  it('drawn points sit on the link grid and come back bit for bit, splits and classes included', async () => {
    const dataset = drawn();
    expect(linkObstacle(dataset)).toBeNull();
    expect(Array.from(dataset.points).every((x) => roundCoordinate(x) === x)).toBe(true);
    const text = await encodePoints(dataset);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(300 * 5 * 1.4);
    expect(await decodePoints(text)).toEqual(dataset);
  });

  it('generated points travel too; regression targets and imported points with more decimals do not, and the page is told why', () => {
    const xor = generateDataset({ ...defaultConfig().data, preset: 'xor' });
    expect(linkObstacle(xor)).toBeNull();
    expect(linkObstacle(generateDataset({ ...defaultConfig().data, preset: 'reg-plane' }))).toMatch(/regression/);
    expect(linkObstacle({ ...xor, points: xor.points.map((x) => x + 1e-4) })).toMatch(/more than three decimals/);
  });

  it('damaged point text is an input error, not a crash', async () => {
    const text = await encodePoints(drawn());
    await expect(decodePoints(text.slice(0, 40))).rejects.toThrow(/^drawn: the drawn points in the link are/);
    await expect(decodePoints('not base64!')).rejects.toThrow(/^drawn: the drawn points in the link are damaged$/);
  });

  it('every config field has its own key', () => {
    expect(new Set(CONFIG_KEYS.map((key) => key.key)).size).toBe(CONFIG_KEYS.length);
    const fields = CONFIG_KEYS.map((key) => `${key.section}.${key.field}`);
    const config = defaultConfig();
    for (const section of ['data', 'model', 'training'] as const) for (const field of Object.keys(config[section])) expect(fields).toContain(`${section}.${field}`);
  });
});
