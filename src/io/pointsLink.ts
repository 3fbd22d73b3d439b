import { COORDINATE_RESOLUTION, roundCoordinate } from '../core/coordinates';
import type { Dataset } from '../core/dataset';
import { InputError, inputError } from '../core/errors';
import { MAX_CLASSES } from '../core/task';

/**
 * Points drawn by hand, packed for a link: per point x1 and x2 in thousandths as 16-bit integers
 * and one byte for the class (bit 7: test split), after a format byte and the class count;
 * compressed with deflate and written as base64url. Generated and drawn points sit on that
 * grid already (src/core/coordinates.ts), so a link reproduces them exactly.
 */

const FORMAT = 1;
const HEADER_BYTES = 2;
const BYTES_PER_POINT = 5;
const COORDINATE_LIMIT = 32767 / COORDINATE_RESOLUTION;
const TEST_BIT = 0x80;
/** The most points a link may carry: the most a dataset may have. */
export const MAX_LINK_POINTS = 100_000;
const MAX_LINK_BYTES = HEADER_BYTES + MAX_LINK_POINTS * BYTES_PER_POINT;
const DAMAGED = 'the drawn points in the link are damaged';

/** What a dataset's points come to in a link, kept per dataset: the page writes its link after every change, and the points seldom change. */
const obstacles = new WeakMap<Dataset, string | null>();
const encodings = new WeakMap<Dataset, Promise<string>>();

/** Why these points cannot travel in a link, or null when they can. */
export function linkObstacle(dataset: Dataset): string | null {
  let obstacle = obstacles.get(dataset);
  if (obstacle === undefined) obstacles.set(dataset, (obstacle = findObstacle(dataset)));
  return obstacle;
}

function findObstacle(dataset: Dataset): string | null {
  if (dataset.task.kind !== 'classification') return 'regression targets do not fit in a link';
  if (dataset.labels.length > MAX_LINK_POINTS) return `more than ${MAX_LINK_POINTS} points`;
  for (const x of dataset.points) {
    if (Math.abs(x) > COORDINATE_LIMIT || roundCoordinate(x) !== x) return 'the points have more than three decimals (imported data?)';
  }
  return null;
}

async function transform(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** Bytes turned into characters this many at a time (a function's arguments are limited). */
const CHARACTERS_AT_ONCE = 8192;

function toBase64Url(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; at += CHARACTERS_AT_ONCE) pieces.push(String.fromCharCode(...bytes.subarray(at, at + CHARACTERS_AT_ONCE)));
  const binary = pieces.join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw inputError('drawn', DAMAGED);
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The points as link text; linkObstacle(dataset) must be null. */
export function encodePoints(dataset: Dataset): Promise<string> {
  let encoding = encodings.get(dataset);
  if (!encoding) encodings.set(dataset, (encoding = pack(dataset)));
  return encoding;
}

async function pack(dataset: Dataset): Promise<string> {
  const obstacle = linkObstacle(dataset);
  if (obstacle) throw new RangeError(`these points cannot travel in a link: ${obstacle}`);
  const count = dataset.labels.length;
  const bytes = new Uint8Array(HEADER_BYTES + count * BYTES_PER_POINT);
  const view = new DataView(bytes.buffer);
  bytes[0] = FORMAT;
  bytes[1] = dataset.task.kind === 'classification' ? dataset.task.classes : 0;
  for (let i = 0; i < count; i++) {
    const at = HEADER_BYTES + i * BYTES_PER_POINT;
    view.setInt16(at, Math.round(dataset.points[2 * i] * COORDINATE_RESOLUTION), true);
    view.setInt16(at + 2, Math.round(dataset.points[2 * i + 1] * COORDINATE_RESOLUTION), true);
    bytes[at + 4] = dataset.labels[i] | (dataset.isTest[i] ? TEST_BIT : 0);
  }
  return toBase64Url(await transform(bytes, new CompressionStream('deflate-raw')));
}

/**
 * Inflates link bytes into one buffer sized for the most a link may hold, chunk by chunk, so the
 * time is linear in the output and a link that inflates past the limit stops there.
 */
async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const output = new Uint8Array(MAX_LINK_BYTES);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return output.subarray(0, length);
    if (length + value.length > MAX_LINK_BYTES) {
      void reader.cancel().catch(() => {});
      throw inputError('drawn', `the link holds more than ${MAX_LINK_POINTS} points (the limit)`);
    }
    output.set(value, length);
    length += value.length;
  }
}

/** The points a link carries; throws an InputError saying what is wrong with damaged text. */
export async function decodePoints(text: string): Promise<Dataset> {
  let bytes: Uint8Array;
  try {
    bytes = await inflate(fromBase64Url(text));
  } catch (error) {
    // The engine's own words ("Failed to fetch", "unexpected end of file") mean nothing to the person who followed the link.
    if (error instanceof InputError) throw error;
    throw inputError('drawn', DAMAGED);
  }
  if (bytes.length < HEADER_BYTES || bytes[0] !== FORMAT) throw inputError('drawn', 'the drawn points in the link are in an unknown format');
  const classes = bytes[1];
  if (classes < 2 || classes > MAX_CLASSES) throw inputError('drawn', `${classes} classes is not 2…${MAX_CLASSES}`);
  if ((bytes.length - HEADER_BYTES) % BYTES_PER_POINT !== 0) throw inputError('drawn', 'the drawn points in the link are cut short');
  const count = (bytes.length - HEADER_BYTES) / BYTES_PER_POINT;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataset: Dataset = { task: { kind: 'classification', classes }, points: new Float64Array(2 * count), labels: new Float64Array(count), isTest: new Uint8Array(count) };
  for (let i = 0; i < count; i++) {
    const at = HEADER_BYTES + i * BYTES_PER_POINT;
    dataset.points[2 * i] = view.getInt16(at, true) / COORDINATE_RESOLUTION;
    dataset.points[2 * i + 1] = view.getInt16(at + 2, true) / COORDINATE_RESOLUTION;
    const label = bytes[at + 4] & ~TEST_BIT;
    if (label >= classes) throw inputError('drawn', `point ${i + 1} has class ${label}, but the classes are 0…${classes - 1}`);
    dataset.labels[i] = label;
    dataset.isTest[i] = bytes[at + 4] & TEST_BIT ? 1 : 0;
  }
  return dataset;
}
