import { defaultConfig, type ExperimentConfig } from '../core/config';
import { InputError } from '../core/errors';
import { VIEW_LABELS } from '../core/settingLabels';
import { SETTING_KEYS, putSetting, setting, settingValue, type Setting, type SettingKey } from '../core/settings';
import { parseDecimal } from '../core/decimal';
import { DEFAULT_SPEED, MAX_SPEED_TEXT, SPEED_RANGE, speedText } from '../core/speed';
import { phrase, quote, wholeNumber } from './jsonRead';
import { booleanOrText, listItems, readSetting, settingJson, settingText } from './settingRead';
import { SettingPlace } from './settingPlace';

/**
 * The page's state in the URL hash, Playground style (`#dataset=xor&hidden=4,4&lr=0.03&…`):
 * the whole experiment, the view toggles, which controls are hidden, presentation mode, the open
 * lesson and drawn points. Reading checks every field on its own: a bad one keeps its default and
 * yields a message naming it by the control the page shows, so a damaged link still opens.
 * docs/FORMAT.md lists every key.
 */

/** The view toggles a link carries. */
export interface SharedView {
  showTestData: boolean;
  discretize: boolean;
  logScale: boolean;
}

export interface UrlState {
  config: ExperimentConfig;
  view: SharedView;
  /** Ids of the controls the page leaves out. */
  hidden: string[];
  /** Large type, for a projector. */
  present: boolean;
  /** The lesson the link opens, if any. */
  lesson: string | null;
  /** Points drawn by hand, as encodePoints wrote them (decoded apart: it is asynchronous). */
  drawn: string | null;
  /** Which engine trains: Auto (chosen by speed), WebGPU or the CPU. */
  backend: 'auto' | 'webgpu' | 'cpu';
  /** The page's Speed in steps a second (Infinity: Max). */
  speed: number;
}

const BACKENDS: readonly UrlState['backend'][] = ['auto', 'webgpu', 'cpu'];

/** What the reader accepts besides the fixed keys: the page's control ids and lesson ids. */
export interface UrlVocabulary {
  controls: readonly string[];
  lessons: readonly string[];
}

interface ConfigKey {
  key: SettingKey;
  section: keyof ExperimentConfig;
  field: string;
  setting: Setting;
}

/** Every config field and its key, in the order links are written (the table of settings, src/core/settings.ts). */
export const CONFIG_KEYS: readonly ConfigKey[] = SETTING_KEYS.map((key) => ({ key, section: setting(key).section, field: setting(key).field, setting: setting(key) }));

/** The view toggles a link carries, which the page's view options hold under the same names. */
export const SHARED_VIEW_KEYS: readonly (keyof SharedView)[] = ['showTestData', 'discretize', 'logScale'];
const HIDE_SUFFIX = '_hide';

export function defaultSharedView(): SharedView {
  return { showTestData: false, discretize: false, logScale: false };
}

export function defaultUrlState(): UrlState {
  return { config: defaultConfig(), view: defaultSharedView(), hidden: [], present: false, lesson: null, drawn: null, backend: 'auto', speed: DEFAULT_SPEED };
}

/** Keeps commas readable: they separate list items and need no escaping in a fragment. */
const encodeValue = (value: string): string => encodeURIComponent(value).replace(/%2C/g, ',');

/** The hash (without `#`) that reopens this state. */
export function encodeUrlState(state: UrlState): string {
  const pairs: [string, string][] = [];
  if (state.lesson) pairs.push(['lesson', state.lesson]);
  for (const { key, setting: entry } of CONFIG_KEYS) pairs.push([key, settingText(settingValue(state.config, entry))]);
  for (const key of SHARED_VIEW_KEYS) if (state.view[key]) pairs.push([key, 'true']);
  if (state.hidden.length > 0) pairs.push(['hide', state.hidden.join(',')]);
  if (state.present) pairs.push(['present', 'true']);
  if (state.backend !== 'auto') pairs.push(['backend', state.backend]);
  if (state.speed !== DEFAULT_SPEED) pairs.push(['speed', Number.isFinite(state.speed) ? String(state.speed) : MAX_SPEED_TEXT]);
  if (state.drawn) pairs.push(['drawn', state.drawn]);
  return pairs.map(([key, value]) => `${key}=${encodeValue(value)}`).join('&');
}

const TRUE_OR_FALSE = phrase('true or false');

const SPEED_EXPECTED = phrase(`${wholeNumber(SPEED_RANGE.min, SPEED_RANGE.max).words} or "${MAX_SPEED_TEXT}"`);

/** `speed=300` or `speed=max`: the speed, or the message about text that is neither. */
function readSpeed(text: string): number | string {
  if (text === MAX_SPEED_TEXT) return Infinity;
  const value = parseDecimal(text);
  if (value !== null && Number.isInteger(value) && value >= SPEED_RANGE.min && value <= SPEED_RANGE.max) return value;
  return new SettingPlace(VIEW_LABELS.speed).expected(SPEED_EXPECTED, text).message;
}

/** A value as the page shows it in a message. */
function shown(value: unknown): string {
  return Array.isArray(value) ? (value.length === 0 ? 'none' : settingText(value)) : String(value);
}

/** What a message calls a key: the control's name for a setting, else the key as written (cut short). */
function keyName(key: string): string {
  const setting = CONFIG_KEYS.find((candidate) => candidate.key === key);
  if (setting) return setting.setting.label;
  return Object.hasOwn(VIEW_LABELS, key) ? VIEW_LABELS[key as keyof typeof VIEW_LABELS] : quote(key);
}

/** Splits `a=1&b=2` into decoded pairs; a pair that cannot be decoded is reported and skipped. */
function pairsOf(hash: string, problems: string[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const rawKey = equals < 0 ? part : part.slice(0, equals);
    const rawValue = equals < 0 ? '' : part.slice(equals + 1);
    try {
      const key = decodeURIComponent(rawKey);
      if (pairs.has(key)) problems.push(`${keyName(key)} is given twice; used the last`);
      pairs.set(key, decodeURIComponent(rawValue.replace(/\+/g, ' ')));
    } catch {
      problems.push(`${quote(part)} is not valid URL text; ignored`);
    }
  }
  return pairs;
}

/**
 * Controls a link can never hide, with what the page calls them: without them nobody could get
 * the page going again. (Share link is not a control a link can name at all.)
 */
export const ALWAYS_SHOWN: Readonly<Record<string, string>> = { transport: 'Play, +1 epoch and Reset' };

const isAlwaysShown = (id: string): boolean => Object.hasOwn(ALWAYS_SHOWN, id);

/** The known ids of a `hide=` or `show=` list; every other id is reported and changes nothing. */
function controlList(key: 'hide' | 'show', text: string, controls: readonly string[], problems: string[]): string[] {
  const ids = listItems(text);
  for (const id of ids) {
    if (isAlwaysShown(id)) {
      if (key === 'hide') problems.push(`${ALWAYS_SHOWN[id]} always show; a link cannot hide them`);
    } else if (!controls.includes(id)) problems.push(`${key}=: ${quote(id)} is not a control of the page; ignored`);
  }
  return ids.filter((id) => controls.includes(id));
}

/**
 * The state a hash describes, and a message for every field that could not be used. Fields that
 * are absent or bad keep their defaults; nothing here throws.
 */
export function decodeUrlState(hash: string, vocabulary: UrlVocabulary): { state: UrlState; problems: string[] } {
  const problems: string[] = [];
  const pairs = pairsOf(hash, problems);
  const state = defaultUrlState();
  const take = (key: string): string | undefined => {
    const value = pairs.get(key);
    pairs.delete(key);
    return value;
  };

  for (const { key, setting: entry } of CONFIG_KEYS) {
    const text = take(key);
    if (text === undefined) continue;
    const at = SettingPlace.of(entry);
    try {
      putSetting(state.config, entry, readSetting(entry, settingJson(entry.value, text, at), at));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(`${error.message}; kept ${shown(settingValue(state.config, entry))}`);
    }
  }
  for (const key of SHARED_VIEW_KEYS) {
    const text = take(key);
    if (text === undefined) continue;
    const value = booleanOrText(text);
    if (typeof value === 'boolean') state.view[key] = value;
    else problems.push(`${new SettingPlace(VIEW_LABELS[key]).expected(TRUE_OR_FALSE, text).message}; kept ${state.view[key]}`);
  }

  const hidden = new Set<string>();
  const hide = take('hide');
  if (hide !== undefined) for (const id of controlList('hide', hide, vocabulary.controls, problems)) hidden.add(id);
  const show = take('show');
  if (show !== undefined) {
    const shownIds = controlList('show', show, vocabulary.controls, problems);
    const named = shownIds.length > 0 || listItems(show).some(isAlwaysShown);
    // A list that names no control of the page is ignored whole: it must not hide everything.
    if (named) {
      for (const id of vocabulary.controls) if (!shownIds.includes(id)) hidden.add(id);
    } else if (show === '') {
      problems.push('show= lists no control; ignored');
    }
  }
  for (const key of [...pairs.keys()]) {
    if (!key.endsWith(HIDE_SUFFIX)) continue;
    const id = key.slice(0, -HIDE_SUFFIX.length);
    const value = booleanOrText(take(key)!);
    if (isAlwaysShown(id)) {
      if (value !== false) problems.push(`${ALWAYS_SHOWN[id]} always show; a link cannot hide them`);
    } else if (!vocabulary.controls.includes(id)) problems.push(`${quote(key)} names no control of the page; ignored`);
    else if (typeof value !== 'boolean') problems.push(`${new SettingPlace(quote(key)).expected(TRUE_OR_FALSE, value).message}; ignored`);
    else if (value) hidden.add(id);
  }
  state.hidden = vocabulary.controls.filter((id) => hidden.has(id));

  const present = take('present');
  if (present !== undefined) {
    const value = booleanOrText(present);
    if (typeof value === 'boolean') state.present = value;
    else problems.push(`${new SettingPlace('Presentation mode').expected(TRUE_OR_FALSE, present).message}; ignored`);
  }
  const lesson = take('lesson');
  if (lesson !== undefined) {
    if (vocabulary.lessons.includes(lesson)) state.lesson = lesson;
    else problems.push(`There is no lesson ${quote(lesson)}; ignored`);
  }
  const backend = take('backend');
  if (backend !== undefined) {
    const choice = BACKENDS.find((name) => name === backend);
    if (choice) state.backend = choice;
    else problems.push(`${new SettingPlace('Run on').expected(phrase(BACKENDS.join(', ')), backend).message}; kept auto`);
  }
  const speed = take('speed');
  if (speed !== undefined) {
    const read = readSpeed(speed);
    if (typeof read === 'number') state.speed = read;
    else problems.push(`${read}; kept ${speedText(state.speed)}`);
  }
  const drawn = take('drawn');
  if (drawn !== undefined) state.drawn = drawn;

  for (const key of pairs.keys()) problems.push(`${quote(key)} is not a setting Descent knows; ignored`);
  return { state, problems };
}
