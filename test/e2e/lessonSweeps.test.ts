import { afterEach, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/lessons';
import { lessonHash } from '../../src/ui/LessonsPanel';
import { expectHealthy, field, openPlayground, type BackendMode, type Playground } from './browser';

/** A lesson that is a sweep opens compare mode with it, and the sweep trains. */
describe('sweep lessons', () => {
  let playground: Playground | null = null;

  afterEach(async () => {
    await playground?.browser.close();
    playground = null;
  });

  it.each<BackendMode>(['cpu', 'webgpu'])('Initialisation luck opens compare mode with 16 seeds on %s', async (mode) => {
    const lesson = LESSONS.find((candidate) => candidate.id === 'initialisation-luck')!;
    playground = await openPlayground(mode, lessonHash(lesson, lesson.setups[0]));
    const { page } = playground;
    const panel = page.getByRole('complementary', { name: 'Compare' });
    await expect.poll(() => panel.getByRole('combobox', { name: 'First setting to vary' }).inputValue()).toBe('seed');
    expect(await field(page, 'Training seed values').inputValue()).toBe('1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16');
    const rows = panel.locator('.compare-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(16);
    await expectHealthy(playground);
  });
});
