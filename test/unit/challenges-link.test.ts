import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../src/challenges/challenge';
import { CHALLENGE_KEYS, CUSTOM_CHALLENGE_ID, decodeChallengeLink, encodeChallengeLink, splitChallengeHash } from '../../src/challenges/challengeLink';
import { CHALLENGES } from '../../src/challenges/challenges';
import { constraintLines, describeConstraints, goalLine } from '../../src/challenges/check';
import { defaultConfig } from '../../src/core/config';

/** Reads a hash the way the page does: the challenge's pairs apart, on the link's experiment. */
function read(hash: string, config = defaultConfig()) {
  const { rest, pairs } = splitChallengeHash(hash);
  return { rest, ...decodeChallengeLink(pairs, config) };
}

const TEACHER: Challenge = {
  id: CUSTOM_CHALLENGE_ID,
  title: 'Small & sharp: 50 parameters?',
  task: 'Reach the goal with few parameters, x₁ and x₂ only.',
  data: defaultConfig().data,
  constraints: { maxParameters: 50, maxHiddenLayers: 2, maxUnits: 6, features: ['x1', 'x2'], activations: ['tanh', 'relu'], maxEpochs: 300 },
  goal: { metric: 'testLoss', target: 0.177 },
  hints: ['Fewer units, more layers?', 'Try tanh; 50% = half', 'a=b&c'],
  start: defaultConfig(),
};

describe('challenge links', () => {
  it('a built-in challenge travels as its id, with the epoch a solution claims', () => {
    for (const challenge of CHALLENGES) {
      const hash = `dataset=circle&${encodeChallengeLink(challenge, 212.7)}`;
      expect(hash).toContain(`challenge=${challenge.id}`);
      const { rest, link, problems } = read(hash);
      expect(problems).toEqual([]);
      expect(rest).toBe('dataset=circle');
      expect(link!.challenge).toBe(challenge);
      expect(link!.proofEpoch).toBe(212);
    }
  });

  it("a teacher's challenge round-trips whole, on the link's own data and starting model", () => {
    const config = { ...defaultConfig(), data: { ...defaultConfig().data, preset: 'xor' as const, noise: 0.2 } };
    const { link, problems } = read(`#${encodeChallengeLink({ ...TEACHER, data: config.data, start: config })}`, config);
    expect(problems).toEqual([]);
    expect(link).toEqual({ challenge: { ...TEACHER, data: config.data, start: config }, proofEpoch: null });
  });

  it("keeps a teacher's accuracy goal exactly, and names an untitled challenge", () => {
    const untitled: Challenge = { ...TEACHER, title: '', task: '', hints: [], constraints: {}, goal: { metric: 'testAccuracy', target: 0.1 + 0.2 } };
    const hash = encodeChallengeLink(untitled);
    expect(hash).toBe('challenge=custom&goal=testAccuracy:0.3');
    const { link } = read(hash);
    expect(link!.challenge.goal).toEqual({ metric: 'testAccuracy', target: 0.3 });
    expect(link!.challenge.title).toBe('A challenge from your teacher');
  });

  it('a damaged limit is left out with a message naming the field of the form; the rest of the challenge opens', () => {
    const { link, problems } = read('challenge=custom&goal=testLoss:0.2&maxParameters=5O&allowedFeatures=x1,x9&allowedActivations=&hint2=ok');
    expect(problems).toEqual([
      'Max parameters must be a whole number from 0 to 100000000; got "5O"; left out',
      'Allowed features must be from x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2), r, theta; got "x9"; left out',
      'Allowed activations must name at least one; got none; left out',
    ]);
    expect(link!.challenge.constraints).toEqual({});
    expect(link!.challenge.hints).toEqual(['ok']);
  });

  it('a missing or bad goal leaves the challenge out, and says which', () => {
    expect(read('challenge=custom&maxUnits=3').problems).toEqual(['the challenge has no goal (goal=testLoss:0.2, testAccuracy:0.9 or testMse:0.01); the challenge was left out']);
    expect(read('challenge=custom&goal=accuracy:0.9').problems).toEqual(['Goal must be one of testLoss, testAccuracy, testMse with a value (testLoss:0.2); got "accuracy:0.9"; the challenge was left out']);
    expect(read('challenge=custom&goal=testAccuracy:95').problems).toEqual(['Goal value must be a share from 0 to 1; got "95"; the challenge was left out']);
    expect(read('challenge=custom&goal=testLoss:0x1').link).toBeNull();
  });

  it('an unknown challenge, a bad proof epoch and stray challenge keys are reported, never thrown', () => {
    expect(read('challenge=no-such').problems).toEqual(['There is no challenge "no-such"; ignored']);
    const proof = read('challenge=xor-three-units&proof=-3');
    expect(proof.link!.proofEpoch).toBeNull();
    expect(proof.problems).toEqual(['The solution link’s epoch (proof) must be a whole number from 0 to 1000000; got "-3"; opened the challenge without checking a solution']);
    expect(read('goal=testLoss:0.2&hint1=x').problems).toEqual(['goal, hint1: given without challenge=; ignored']);
    expect(read('challenge=custom&goal=testLoss:0.2&hint1=%E0%A4%A').problems).toEqual([]);
  });

  it('splits off only its own keys, leaving the others as written', () => {
    const { rest, pairs } = splitChallengeHash('#dataset=xor&hidden=4,4&challenge=custom&goal=testMse%3A0.01&hint1=a+b%26c&lr=0.03');
    expect(rest).toBe('dataset=xor&hidden=4,4&lr=0.03');
    expect([...pairs]).toEqual([
      ['challenge', 'custom'],
      ['goal', 'testMse:0.01'],
      ['hint1', 'a b&c'],
    ]);
    expect(CHALLENGE_KEYS).not.toContain('features');
  });
});

describe('the Goal readout', () => {
  const circle = CHALLENGES.find((challenge) => challenge.id === 'circle-no-hidden')!;
  const task = { kind: 'classification', classes: 2 } as const;

  it('shows the goal metric now against its target', () => {
    const metrics = { train: { loss: 0.3, accuracy: 0.9, count: 350 }, test: { loss: 0.21, accuracy: 0.934, count: 150 } };
    expect(goalLine({ metric: 'testLoss', target: 0.177 }, metrics)).toEqual({ text: 'Test loss 0.210 — goal ≤ 0.177', met: false });
    expect(goalLine(circle.goal, metrics)).toEqual({ text: 'Test accuracy 93.4% — goal ≥ 95.0%', met: false });
    expect(goalLine(circle.goal, null)).toEqual({ text: 'Test accuracy — — goal ≥ 95.0%', met: false });
  });

  it('ticks each limit with the value now', () => {
    const config = { ...circle.start, model: { ...circle.start.model, hidden: [], features: ['x1^2', 'x2^2'] as const } } as typeof circle.start;
    expect(constraintLines(circle, config, task, 40)).toEqual([
      { text: "the challenge's data", met: true },
      { text: 'hidden layers 0 ≤ 0', met: true },
    ]);
    expect(constraintLines(TEACHER, defaultConfig(), task, 301.5)).toEqual([
      { text: "the challenge's data", met: true },
      { text: 'parameters 105 ≤ 50', met: false },
      { text: 'hidden layers 2 ≤ 2', met: true },
      { text: 'units in a layer 8 ≤ 6', met: false },
      { text: 'features from x1, x2', met: true },
      { text: 'activations from tanh, relu', met: true },
      { text: 'epochs 301 ≤ 300', met: false },
    ]);
  });

  it('describes limits in words for the challenge list', () => {
    expect(describeConstraints(TEACHER.constraints)).toEqual(['at most 50 parameters', 'at most 2 hidden layers', 'at most 6 units in a layer', 'features from x1, x2', 'activations from tanh, relu', 'within 300 epochs']);
    expect(describeConstraints(circle.constraints)).toEqual(['no hidden layer']);
  });
});
