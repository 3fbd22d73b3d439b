import type { Dataset } from '../core/dataset';
import { InputError } from '../core/errors';
import { decodePoints, encodePoints, linkObstacle } from './pointsLink';
import { decodeUrlState, encodeUrlState, type UrlState, type UrlVocabulary } from './urlState';

/** Whole links: the URL state with the drawn points it carries, read and written asynchronously (points are compressed). */

/** Longest link Descent makes (characters): about what every browser, chat and mail client keeps intact. */
export const MAX_LINK_LENGTH = 8000;

/** A link, read: the state, the drawn points it carries, and what had to be ignored. */
export interface ReadLink {
  state: UrlState;
  drawn: Dataset | null;
  problems: string[];
}

/** A link made: the URL, and why the drawn points were left out of it (null when they are in or there are none). */
export interface MadeLink {
  url: string;
  pointsLeftOut: string | null;
}

/** Reads a hash with its drawn points; a damaged or misplaced `drawn` is reported like any bad field. */
export async function readLink(hash: string, vocabulary: UrlVocabulary): Promise<ReadLink> {
  const { state, problems } = decodeUrlState(hash, vocabulary);
  let drawn: Dataset | null = null;
  if (state.drawn === null && state.config.data.preset === 'custom') {
    problems.push('the link is for drawn or imported points but does not carry them (they did not fit in a link), so the dataset starts empty: ask for the data file and use Import data');
  } else if (state.drawn !== null && state.config.data.preset !== 'custom') {
    problems.push(`drawn: points given, but the dataset is ${state.config.data.preset}; ignored`);
  } else if (state.drawn !== null) {
    try {
      drawn = await decodePoints(state.drawn);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(`${error.message}; the dataset starts empty`);
    }
  }
  return { state, drawn, problems };
}

/**
 * The link `base` + `#…` that reopens `state`; for custom data, with `points` in it when they can
 * travel in a link and the whole URL stays within `maxLength` characters.
 */
export async function makeLink(base: string, state: UrlState, points: Dataset | null, maxLength = MAX_LINK_LENGTH): Promise<MadeLink> {
  const withoutPoints = `${base}#${encodeUrlState({ ...state, drawn: null })}`;
  if (state.config.data.preset !== 'custom' || points === null) return { url: withoutPoints, pointsLeftOut: null };
  const obstacle = linkObstacle(points);
  if (obstacle) return { url: withoutPoints, pointsLeftOut: obstacle };
  const url = `${base}#${encodeUrlState({ ...state, drawn: await encodePoints(points) })}`;
  if (url.length > maxLength) return { url: withoutPoints, pointsLeftOut: `${points.labels.length} points make a link of ${url.length} characters, more than ${maxLength}` };
  return { url, pointsLeftOut: null };
}
