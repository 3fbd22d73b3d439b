import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ChallengeLink } from '../challenges/challengeLink';
import { checkChallenge, constraintLines, goalLine, type CheckLine } from '../challenges/check';
import { buildModelSpec, planNetwork } from '../core/network';
import type { Run } from '../train/run';
import { useAppState, useRunFrame, useServices } from './appContext';
import { READOUT_INTERVAL_MS } from './format';
import { currentLink } from './urlSync';

/** A solution found while training: when, how small, and the link that re-runs it. */
interface Solution {
  epoch: number;
  parameters: number;
  link: string | null;
}

/** Where the check of a solution link stands. */
type ProofCheck = { kind: 'checking' } | { kind: 'confirmed'; solution: Solution } | { kind: 'refuted'; epoch: number };

/** How far past the epoch a solution link claims the page trains before it says the claim does not hold. */
function proofDeadline(claimed: number, maxEpochs: number | undefined): number {
  const deadline = claimed + Math.max(20, Math.ceil(claimed / 4));
  return maxEpochs === undefined ? deadline : Math.min(deadline, maxEpochs + 1);
}

interface Readout {
  goal: CheckLine;
  limits: CheckLine[];
}

function sameReadout(a: Readout | null, b: Readout): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

const tick = (line: CheckLine): string => (line.met ? '✓' : '✗');

/**
 * The challenge under way, above the workspace: the `Goal` readout (the goal's metric now against
 * its target), a tick or a cross for every limit, the hints on request, and once solved, the link
 * that proves it. Opened from a solution link, it trains and says whether the claim holds.
 */
export function GoalReadout({ active }: { active: ChallengeLink }): ReactNode {
  const services = useServices();
  const { run, store } = services;
  const { challenge, proofEpoch } = active;
  const [readout, setReadout] = useState<Readout | null>(null);
  const [solution, setSolution] = useState<Solution | null>(null);
  const [proof, setProof] = useState<ProofCheck | null>(proofEpoch === null ? null : { kind: 'checking' });
  const [hints, setHints] = useState(0);
  const solved = useRef<Solution | null>(null);
  const checking = useRef(proofEpoch !== null);

  // A solution link re-runs the training it claims.
  useEffect(() => {
    if (proofEpoch !== null) run.play();
  }, [run, proofEpoch]);

  useRunFrame(
    (current: Run) => {
      // The model shown and what it was built for: a model still being rebuilt after an edit never counts.
      const config = current.config;
      const task = current.dataset?.task;
      if (!config || !task) return;
      const epoch = current.epoch;
      const next = { goal: goalLine(challenge.goal, current.metrics), limits: constraintLines(challenge, config, task, epoch) };
      setReadout((previous) => (sameReadout(previous, next) ? previous : next));
      // A new start (Reset, new weights, another model) forgets the solution of the run before.
      if (solved.current && epoch < solved.current.epoch) {
        solved.current = null;
        setSolution(null);
      }
      const status = checkChallenge(challenge, config, task, current.metrics, epoch);
      if (status.solved && !solved.current) {
        const found: Solution = { epoch: Math.floor(epoch), parameters: planNetwork(buildModelSpec(config.model, task)).parameterCount, link: null };
        solved.current = found;
        setSolution(found);
        void currentLink(services, found.epoch).then(({ url }) => setSolution((shown) => (shown === found ? { ...found, link: url } : shown)));
        if (checking.current) {
          checking.current = false;
          run.pause();
          setProof({ kind: 'confirmed', solution: found });
        }
      } else if (checking.current && !status.solved && proofEpoch !== null && (epoch >= proofDeadline(proofEpoch, challenge.constraints.maxEpochs) || current.status.phase === 'diverged' || current.status.phase === 'failed')) {
        checking.current = false;
        run.pause();
        setProof({ kind: 'refuted', epoch: Math.floor(epoch) });
      }
    },
    [challenge, proofEpoch],
    READOUT_INTERVAL_MS,
  );

  const goalText = (() => {
    if (proof?.kind === 'confirmed') return `Checked: solved at epoch ${proof.solution.epoch} with ${proof.solution.parameters} parameters (the link says epoch ${proofEpoch})`;
    if (proof?.kind === 'refuted') return `Checked: not solved by epoch ${proof.epoch} (the link says epoch ${proofEpoch})`;
    if (solution) return `Solved at epoch ${solution.epoch} with ${solution.parameters} parameters`;
    return readout?.goal.text ?? 'Waiting for the model…';
  })();
  const state = proof?.kind === 'refuted' ? 'unsolved' : solution || proof?.kind === 'confirmed' ? 'solved' : 'open';
  return (
    <section className={`goal-banner ${state}`} aria-label="Challenge">
      {/* One line where there is room (the plane keeps its size); the task is cut short there, and whole in its tooltip. */}
      <div className="goal-line">
        <strong title="Challenge">{challenge.title}</strong>
        <output aria-label="Goal" aria-live="off" className="goal">
          {goalText}
        </output>
        {solution?.link && proof === null && (
          <a href={solution.link} className="proof-link">
            Link to this solution
          </a>
        )}
        {readout && (
          <ul className="goal-limits" aria-label="Limits">
            {/* The data's line only when it is broken: it holds until the student changes the data. */}
            {readout.limits.filter((line, i) => i > 0 || !line.met).map((line) => (
              <li key={line.text} className={line.met ? 'met' : 'unmet'}>
                <span aria-hidden="true">{tick(line)}</span> {line.text}
                <span className="visually-hidden">{line.met ? ' (met)' : ' (broken)'}</span>
              </li>
            ))}
          </ul>
        )}
        {proof?.kind === 'checking' ? (
          <span className="goal-task">Checking the solution the link claims: training to epoch {proofEpoch}…</span>
        ) : (
          challenge.task && (
            <span className="goal-task" title={challenge.task}>
              {challenge.task}
            </span>
          )
        )}
        <span className="goal-buttons">
          {challenge.hints.length > 0 && (
            <button type="button" className="small" disabled={hints >= challenge.hints.length} onClick={() => setHints(hints + 1)} title={`Show a hint (${hints} of ${challenge.hints.length} shown)`}>
              Hint
            </button>
          )}
          <button type="button" className="small" onClick={() => store.setState({ challenge: null })}>
            Leave
          </button>
        </span>
      </div>
      {/* The readout changes many times a second; only its outcome is announced. */}
      <div className="visually-hidden" role="status" aria-live="polite" aria-label="Challenge news">
        {state === 'open' ? '' : goalText}
      </div>
      {hints > 0 && (
        <ol className="goal-hints" aria-label="Hints">
          {challenge.hints.slice(0, hints).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The Goal readout of the challenge under way, if any; keyed so that a new challenge starts afresh. */
export function ChallengeBanner(): ReactNode {
  const active = useAppState((state) => state.challenge);
  if (!active) return null;
  return <GoalReadout key={`${active.challenge.id}:${active.challenge.title}:${active.proofEpoch}`} active={active} />;
}
