import { CUSTOM_CHALLENGE_ID, decodeChallengeLink, encodeChallengeLink, splitChallengeHash, type ChallengeLink } from '../challenges/challengeLink';
import { decodeCompare, encodeCompare, splitCompareHash } from '../io/compareLink';
import type { SweepAxis } from '../core/sweepAxes';
import { makeLink, readLink, type MadeLink, type ReadLink } from '../io/shareLink';
import { SHARED_VIEW_KEYS, defaultUrlState, type SharedView, type UrlState, type UrlVocabulary } from '../io/urlState';
import { LESSON_IDS } from '../lessons/lessons';
import { datasetOf } from '../train/dataEdits';
import type { AppServices } from './appContext';
import { CONTROL_IDS } from './controls';
import type { AppState, ViewOptions } from './store';

/** The page's state in its URL: read at start and on `hashchange`, written back as the state changes. */

export const URL_VOCABULARY: UrlVocabulary = { controls: CONTROL_IDS, lessons: LESSON_IDS };
const WRITE_DELAY_MS = 300;

/** A link read by the page: its state, and the challenge it carries, if any. */
export interface PageLink extends ReadLink {
  challenge: ChallengeLink | null;
  /** The sweep a `compare=` key asks for: compare mode opens with it. */
  compare: SweepAxis[] | null;
}

/**
 * Reads a hash with the page's control and lesson ids, and its challenge. A challenge link that
 * names no dataset opens the challenge's own starting experiment.
 */
export async function readHash(hash: string): Promise<PageLink> {
  const split = splitCompareHash(hash);
  const sweep = split.compare === null ? null : decodeCompare(split.compare);
  const { rest, pairs } = splitChallengeHash(split.rest);
  const read = await readLink(rest, URL_VOCABULARY);
  const { link, problems } = decodeChallengeLink(pairs, read.state.config);
  const ownStart = link !== null && link.challenge.id !== CUSTOM_CHALLENGE_ID && !/(^|&)dataset=/.test(rest);
  const state = ownStart ? { ...read.state, config: structuredClone(link.challenge.start) } : read.state;
  const sweepProblems = sweep && 'problem' in sweep ? [sweep.problem] : [];
  return { ...read, state, problems: [...read.problems, ...problems, ...sweepProblems], challenge: link, compare: sweep && 'axes' in sweep ? sweep.axes : null };
}

/** The view options a hash sets; the rest of the view stays as it is. */
function viewFromHash(state: UrlState): Partial<ViewOptions> {
  return { ...state.view, hidden: state.hidden, present: state.present, lesson: state.lesson, speed: state.speed };
}

/** The notice for what a hash had that could not be used. */
function problemsNotice(problems: string[]): AppState['notice'] {
  if (problems.length === 0) return null;
  return { kind: 'error', text: `Some settings in the link were not used: ${problems.join('. ')}.` };
}

/** Puts a hash's state into the page: config, drawn points, backend choice, view; the run follows the store. */
export function applyHash(services: AppServices, read: PageLink): void {
  const { store } = services;
  const { config, backend } = read.state;
  const custom = config.data.preset === 'custom' ? read.drawn : null;
  const view = { ...store.getState().view, ...viewFromHash(read.state), ...(read.compare ? { panel: 'compare' as const } : {}) };
  store.setState({ config, custom, backend, challenge: read.challenge, view, notice: problemsNotice(read.problems), ...(read.compare ? { compare: read.compare } : {}) });
}

/**
 * The link to the page as it is (with its challenge; `proofEpoch` makes it a solution's link), and
 * why drawn points were left out of it, if they were.
 */
export async function currentLink(services: AppServices, proofEpoch: number | null = null, challenge = services.store.getState().challenge?.challenge ?? null): Promise<MadeLink> {
  const { config, view, custom, backend, compare } = services.store.getState();
  const shared = Object.fromEntries(SHARED_VIEW_KEYS.map((key) => [key, view[key]])) as unknown as SharedView;
  const state: UrlState = { ...defaultUrlState(), config, backend, view: shared, hidden: view.hidden, present: view.present, lesson: view.lesson, speed: view.speed };
  const points = config.data.preset === 'custom' ? datasetOf(config.data, custom) : null;
  const made = await makeLink(`${location.origin}${location.pathname}${location.search}`, state, points);
  const withChallenge = challenge ? { ...made, url: `${made.url}&${encodeChallengeLink(challenge, proofEpoch)}` } : made;
  // An open compare view is part of the link: the sweep opens, and trains, for whoever follows it.
  return view.panel === 'compare' ? { ...withChallenge, url: `${withChallenge.url}&compare=${encodeCompare(compare)}` } : withChallenge;
}

/** Keeps the address bar's hash in step with the page, and follows links to other states (lessons). */
export function startUrlSync(services: AppServices): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = location.hash;
  const write = async () => {
    const { url } = await currentLink(services);
    written = url.slice(url.indexOf('#'));
    if (written !== location.hash) history.replaceState(history.state, '', url);
  };
  const unsubscribe = services.store.subscribe((state, previous) => {
    if (state.config === previous.config && state.custom === previous.custom && state.backend === previous.backend && state.view === previous.view && state.challenge === previous.challenge && state.compare === previous.compare) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void write(), WRITE_DELAY_MS);
  });
  const follow = () => {
    if (location.hash === written) return;
    written = location.hash;
    void readHash(location.hash).then((read) => {
      applyHash(services, read);
      // A followed link starts its run from the seeded weights, as opening it in a new page would.
      services.run.reset();
    });
  };
  window.addEventListener('hashchange', follow);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', follow);
    if (timer !== null) clearTimeout(timer);
  };
}
