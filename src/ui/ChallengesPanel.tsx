import type { ReactNode } from 'react';
import type { Challenge } from '../challenges/challenge';
import { encodeChallengeLink } from '../challenges/challengeLink';
import { CHALLENGES } from '../challenges/challenges';
import { describeConstraints, describeGoal } from '../challenges/check';
import { defaultUrlState, encodeUrlState } from '../io/urlState';
import { useAppState, useServices } from './appContext';
import { updateView, type AppState } from './store';
import { SidePanel } from './SidePanel';

/**
 * The link that opens a challenge on its data and starting model (which does not solve it), from
 * fresh weights, keeping the teacher's presentation choices and the backend.
 */
export function challengeHash(challenge: Challenge, { view, backend }: Pick<AppState, 'view' | 'backend'>): string {
  const state = { ...defaultUrlState(), config: challenge.start, hidden: view.hidden, present: view.present, backend };
  return `#${encodeUrlState(state)}&${encodeChallengeLink(challenge)}`;
}

/** The built-in challenges, each with its goal and limits and a button that opens it. Escape closes it. */
export function ChallengesPanel(): ReactNode {
  const current = useAppState((state) => state.challenge?.challenge.id ?? null);
  const view = useAppState((state) => state.view);
  const backend = useAppState((state) => state.backend);
  const { store } = useServices();
  return (
    <SidePanel label="Challenges" className="challenges-panel">
      <p className="hint">Reach the goal within the limits. The page checks both while you train and gives you a link that proves it.</p>
      <ol className="challenges">
        {CHALLENGES.map((challenge) => (
          <li key={challenge.id} className={challenge.id === current ? 'challenge current' : 'challenge'} aria-current={challenge.id === current ? 'true' : undefined}>
            <h3>{challenge.title}</h3>
            <p>{challenge.task}</p>
            <p>
              <strong>Goal:</strong> {describeGoal(challenge.goal)}
              {describeConstraints(challenge.constraints).length > 0 && (
                <>
                  ; <strong>limits:</strong> {describeConstraints(challenge.constraints).join(', ')}
                </>
              )}
              .
            </p>
            {/* The panel closes as the challenge opens: the Goal readout stays, and the network is to be changed. */}
            <a className="challenge-start" href={challengeHash(challenge, { view, backend })} aria-label={`Start: ${challenge.title}`} onClick={() => updateView(store, { panel: 'none' })}>
              Start
            </a>
          </li>
        ))}
      </ol>
    </SidePanel>
  );
}
