import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset';
import { decodePoints, encodePoints } from '../../src/io/pointsLink';

/** `count` points drawn on a few positions over and over, as a stroke that stays in one place does: they compress to a short link. */
function repeated(count: number): Dataset {
  const points = new Float64Array(2 * count);
  const labels = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    points[2 * i] = (i % 3) - 1;
    points[2 * i + 1] = (i % 2) * 0.5;
    labels[i] = i % 2;
  }
  return { task: { kind: 'classification', classes: 2 }, points, labels, isTest: new Uint8Array(count) };
}

/** A link of `count` points in the link format (docs/FORMAT.md), packed by hand as another program might. */
async function packByHand(count: number, label = (i: number) => i % 2): Promise<string> {
  const bytes = new Uint8Array(2 + 5 * count);
  bytes[0] = 1;
  bytes[1] = 2;
  for (let i = 0; i < count; i++) bytes[2 + 5 * i + 4] = label(i);
  const packed = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  return Buffer.from(packed).toString('base64url');
}

describe('drawn points in a link', () => {
  it('a short link of 50,000 repeated points opens in well under a second', async () => {
    const link = await encodePoints(repeated(50_000));
    expect(link.length).toBeLessThan(2000);
    const started = performance.now();
    const decoded = await decodePoints(link);
    const seconds = (performance.now() - started) / 1000;
    console.log(`decode 50,000 points from ${link.length} characters: ${seconds.toFixed(3)} s`);
    expect(decoded.labels.length).toBe(50_000);
    expect(seconds).toBeLessThan(1);
  });

  it('a link of more than 100,000 points is refused without decoding it all', async () => {
    await expect(encodePoints(repeated(150_000))).rejects.toThrow(/more than 100000 points/);
    const link = await packByHand(150_000);
    expect(link.length).toBeLessThan(5000);
    const started = performance.now();
    await expect(decodePoints(link)).rejects.toThrow('drawn: the link holds more than 100000 points (the limit)');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a point of a class the link does not have is named with the classes numbered as the page numbers them, from 0', async () => {
    await expect(decodePoints(await packByHand(3, (i) => i))).rejects.toThrow('drawn: point 3 has class 2, but the classes are 0…1');
  });

  it('damaged points say so plainly, never with the engine\'s words', async () => {
    await expect(decodePoints('AQI')).rejects.toThrow(/^drawn: the drawn points in the link are damaged$/);
    await expect(decodePoints('%%%')).rejects.toThrow(/^drawn: the drawn points in the link are damaged$/);
  });
});
