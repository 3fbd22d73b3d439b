import { useId, useState, type ReactNode } from 'react';
import type { GoalMetric } from '../challenges/challenge';
import { CHALLENGE_FIELD_LABELS, CUSTOM_CHALLENGE_ID, decodeChallengeLink } from '../challenges/challengeLink';
import { useServices } from './appContext';
import { currentLink } from './urlSync';

/** The form's text, as typed. */
interface ChallengeDraft {
  title: string;
  task: string;
  metric: GoalMetric;
  target: string;
  maxParameters: string;
  maxHiddenLayers: string;
  maxUnits: string;
  features: string;
  activations: string;
  maxEpochs: string;
  hints: [string, string, string];
}

const EMPTY_DRAFT: ChallengeDraft = { title: '', task: '', metric: 'testLoss', target: '', maxParameters: '', maxHiddenLayers: '', maxUnits: '', features: '', activations: '', maxEpochs: '', hints: ['', '', ''] };

const GOAL_OPTIONS: Record<GoalMetric, string> = { testLoss: 'Test loss at most', testAccuracy: 'Test accuracy at least (0…1)', testMse: 'Test MSE at most' };

/** A typed list ("x1, x2") as a link writes it ("x1,x2"). */
const listText = (text: string): string =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .join(',');

/** The draft as the pairs of a challenge link, so the link's own reader checks it and names the field at fault. */
export function draftPairs(draft: ChallengeDraft): Map<string, string> {
  const pairs = new Map<string, string>([
    ['challenge', CUSTOM_CHALLENGE_ID],
    ['goal', `${draft.metric}:${draft.target.trim()}`],
  ]);
  const put = (key: string, text: string) => text.trim() !== '' && pairs.set(key, text.trim());
  put('maxParameters', draft.maxParameters);
  put('maxHiddenLayers', draft.maxHiddenLayers);
  put('maxUnits', draft.maxUnits);
  put('allowedFeatures', listText(draft.features));
  put('allowedActivations', listText(draft.activations));
  put('maxEpochs', draft.maxEpochs);
  put('challengeTitle', draft.title);
  put('challengeTask', draft.task);
  draft.hints.forEach((hint, i) => put(`hint${i + 1}`, hint));
  return pairs;
}

function TextField({ label, value, onChange, placeholder, wide = false }: { label: string; value: string; onChange: (value: string) => void; placeholder?: string; wide?: boolean }): ReactNode {
  const id = useId();
  return (
    <div className={wide ? 'form-field wide' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/**
 * A teacher's challenge on the page's data and model: goal, limits and up to three hints, made
 * into a link. Every field is checked by the reader the link will meet, and a bad one is named.
 */
export function ChallengeForm(): ReactNode {
  const services = useServices();
  const [draft, setDraft] = useState<ChallengeDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<string[]>([]);
  const [link, setLink] = useState('');
  const goalId = useId();
  const edit = (patch: Partial<ChallengeDraft>) => setDraft({ ...draft, ...patch });
  const make = async () => {
    const { link: read, problems: found } = decodeChallengeLink(draftPairs(draft), services.store.getState().config);
    setProblems(found);
    setLink(read && found.length === 0 ? (await currentLink(services, null, read.challenge)).url : '');
  };
  return (
    <form
      className="challenge-form"
      aria-label="Write a challenge"
      onSubmit={(event) => {
        event.preventDefault();
        void make();
      }}
    >
      <p className="hint">On the data and the model the page has now, which students start from.</p>
      <TextField label={CHALLENGE_FIELD_LABELS.title} value={draft.title} onChange={(title) => edit({ title })} wide />
      <TextField label={CHALLENGE_FIELD_LABELS.task} value={draft.task} onChange={(task) => edit({ task })} wide />
      <div className="form-field">
        <label htmlFor={goalId}>{CHALLENGE_FIELD_LABELS.goal}</label>
        <select id={goalId} value={draft.metric} onChange={(event) => edit({ metric: event.target.value as GoalMetric })}>
          {Object.entries(GOAL_OPTIONS).map(([metric, words]) => (
            <option key={metric} value={metric}>
              {words}
            </option>
          ))}
        </select>
      </div>
      <TextField label="Goal value" value={draft.target} onChange={(target) => edit({ target })} placeholder="0.2" />
      <TextField label={CHALLENGE_FIELD_LABELS.maxParameters} value={draft.maxParameters} onChange={(maxParameters) => edit({ maxParameters })} />
      <TextField label={CHALLENGE_FIELD_LABELS.maxHiddenLayers} value={draft.maxHiddenLayers} onChange={(maxHiddenLayers) => edit({ maxHiddenLayers })} />
      <TextField label={CHALLENGE_FIELD_LABELS.maxUnits} value={draft.maxUnits} onChange={(maxUnits) => edit({ maxUnits })} />
      <TextField label={CHALLENGE_FIELD_LABELS.maxEpochs} value={draft.maxEpochs} onChange={(maxEpochs) => edit({ maxEpochs })} />
      <TextField label={CHALLENGE_FIELD_LABELS.features} value={draft.features} onChange={(features) => edit({ features })} placeholder="x1, x2" wide />
      <TextField label={CHALLENGE_FIELD_LABELS.activations} value={draft.activations} onChange={(activations) => edit({ activations })} placeholder="tanh, relu" wide />
      {draft.hints.map((hint, i) => (
        <TextField key={i} label={`Hint ${i + 1}`} value={hint} onChange={(text) => edit({ hints: draft.hints.map((other, j) => (j === i ? text : other)) as ChallengeDraft['hints'] })} wide />
      ))}
      <button type="submit" className="small">
        Make challenge link
      </button>
      {problems.length > 0 && (
        <ul className="warning" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {link && <input className="share-link wide" aria-label="Challenge link" readOnly value={link} onFocus={(event) => event.target.select()} />}
    </form>
  );
}
