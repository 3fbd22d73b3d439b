import { useRef, type ReactNode } from 'react';
import type { Challenge } from '../challenges/challenge';
import { CHALLENGES } from '../challenges/challenges';
import { describeConstraints, describeGoal } from '../challenges/check';
import type { AppServices } from './appContext';
import { useAppState, useServices } from './appContext';
import { updateView } from './store';
import { useSidePanel } from './useSidePanel';

/** Opens `challenge`: its data and starting model (which does not solve it), from fresh weights; the Goal readout takes over. */
export function startChallenge({ store, run }: AppServices, challenge: Challenge): void {
  const { view } = store.getState();
  store.setState({ config: structuredClone(challenge.start), custom: null, challenge: { challenge, proofEpoch: null }, view: { ...view, panel: 'none', lesson: null } });
  run.reset();
}

/** The built-in challenges, each with its goal and limits and a button that opens it. Escape closes it. */
export function ChallengesPanel(): ReactNode {
  const services = useServices();
  const current = useAppState((state) => state.challenge?.challenge.id ?? null);
  const panel = useRef<HTMLElement>(null);
  const heading = useSidePanel(panel);
  return (
    <aside ref={panel} className="side-panel challenges-panel" aria-label="Challenges">
      <div className="panel-head">
        <h2 ref={heading} tabIndex={-1}>
          Challenges
        </h2>
        <button type="button" className="small" onClick={() => updateView(services.store, { panel: 'none' })}>
          Close
        </button>
      </div>
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
            <button type="button" className="small" aria-label={`Start: ${challenge.title}`} onClick={() => startChallenge(services, challenge)}>
              Start
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
