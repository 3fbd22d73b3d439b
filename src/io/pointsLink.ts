import { COORDINATE_RESOLUTION, roundCoordinate } from '../core/coordinates';
import type { Dataset } from '../core/dataset';
import { inputError } from '../core/errors';
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

/** Why these points cannot travel in a link, or null when they can. */
export function linkObstacle(dataset: Dataset): string | null {
  if (dataset.task.kind !== 'classification') return 'regression targets do not fit in a link';
  for (const x of dataset.points) {
    if (Math.abs(x) > COORDINATE_LIMIT || roundCoordinate(x) !== x) return 'the points have more than three decimals (imported data?)';
  }
  return null;
}

async function transform(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw inputError('drawn', 'is not base64url text');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The points as link text; linkObstacle(dataset) must be null. */
export async function encodePoints(dataset: Dataset): Promise<string> {
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

/** The points a link carries; throws an InputError saying what is wrong with damaged text. */
export async function decodePoints(text: string): Promise<Dataset> {
  let bytes: Uint8Array;
  try {
    bytes = await transform(fromBase64Url(text), new DecompressionStream('deflate-raw'));
  } catch (error) {
    throw inputError('drawn', `the points are damaged (${(error as Error).message})`);
  }
  if (bytes.length < HEADER_BYTES || bytes[0] !== FORMAT) throw inputError('drawn', 'the points are in an unknown format');
  const classes = bytes[1];
  if (classes < 2 || classes > MAX_CLASSES) throw inputError('drawn', `${classes} classes is not 2…${MAX_CLASSES}`);
  if ((bytes.length - HEADER_BYTES) % BYTES_PER_POINT !== 0) throw inputError('drawn', 'the points are cut short');
  const count = (bytes.length - HEADER_BYTES) / BYTES_PER_POINT;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataset: Dataset = { task: { kind: 'classification', classes }, points: new Float64Array(2 * count), labels: new Float64Array(count), isTest: new Uint8Array(count) };
  for (let i = 0; i < count; i++) {
    const at = HEADER_BYTES + i * BYTES_PER_POINT;
    dataset.points[2 * i] = view.getInt16(at, true) / COORDINATE_RESOLUTION;
    dataset.points[2 * i + 1] = view.getInt16(at + 2, true) / COORDINATE_RESOLUTION;
    const label = bytes[at + 4] & ~TEST_BIT;
    if (label >= classes) throw inputError('drawn', `point ${i + 1} has class ${label + 1} of ${classes}`);
    dataset.labels[i] = label;
    dataset.isTest[i] = bytes[at + 4] & TEST_BIT ? 1 : 0;
  }
  return dataset;
}
