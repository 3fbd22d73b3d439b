import { describe, expect, it } from 'vitest';
import { CHALLENGES } from '../../src/challenges/challenges';
import { challengeHash } from '../../src/ui/ChallengesPanel';
import { defaultView } from '../../src/ui/store';
import { readHash } from '../../src/ui/urlSync';

describe('how the page reads a challenge link', () => {
  it("a Start link opens each challenge on its own data and starting model, keeping the class's view and backend", async () => {
    for (const challenge of CHALLENGES) {
      const read = await readHash(challengeHash(challenge, { view: { ...defaultView(), hidden: ['lr'], present: true }, backend: 'cpu' }));
      expect(read.problems).toEqual([]);
      expect(read.challenge).toEqual({ challenge, proofEpoch: null });
      expect(read.state.config).toEqual(challenge.start);
      expect(read.state).toMatchObject({ hidden: ['lr'], present: true, backend: 'cpu' });
    }
  });

  it('a hand-written link with only the challenge opens its starting experiment; one with settings keeps them', async () => {
    const spiral = CHALLENGES.find((challenge) => challenge.id === 'spiral-small')!;
    expect((await readHash('#challenge=spiral-small')).state.config).toEqual(spiral.start);
    const kept = await readHash('#dataset=spiral&noise=0.05&hidden=6,6&challenge=spiral-small&proof=40');
    expect(kept.state.config.model.hidden).toEqual([6, 6]);
    expect(kept.challenge).toEqual({ challenge: spiral, proofEpoch: 40 });
  });

  it("a damaged challenge key joins the link's other problems, and the rest of the link still opens", async () => {
    const read = await readHash('#dataset=xor&lr=fast&challenge=custom&goal=testLoss:0.2&maxUnits=-1');
    expect(read.problems).toEqual(['Learning rate must be a number from 0 to 10; got "fast"; kept 0.01', 'Max units per layer must be a whole number from 0 to 4096; got "-1"; left out']);
    expect(read.state.config.data.preset).toBe('xor');
    expect(read.challenge!.challenge.goal).toEqual({ metric: 'testLoss', target: 0.2 });
  });
});
