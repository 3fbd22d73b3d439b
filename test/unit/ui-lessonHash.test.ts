import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { LESSONS } from '../../src/lessons/lessons';
import type { AppServices } from '../../src/ui/appContext';
import { lessonHash } from '../../src/ui/LessonsPanel';
import { createAppStore } from '../../src/ui/store';
import { applyHash, readHash } from '../../src/ui/urlSync';

/** The page as a lesson link leaves it: applyHash only needs the store. */
async function opened(hash: string) {
  const store = createAppStore(defaultConfig());
  applyHash({ store } as unknown as AppServices, await readHash(hash));
  return store.getState();
}

describe('how the page opens a lesson link', () => {
  it('the lessons about the layers open See inside beside their experiment; the others leave the side panel closed', async () => {
    const byId = (id: string) => LESSONS.find((lesson) => lesson.id === id)!;
    for (const id of ['last-layer-line', 'vanishing-gradients']) {
      const lesson = byId(id);
      for (const setup of lesson.setups) {
        const state = await opened(lessonHash(lesson, setup));
        expect(state.view).toMatchObject({ lesson: id, panel: 'inside' });
        expect(state.config).toEqual(setup.config);
      }
    }
    const plain = byId('linear-model');
    expect((await opened(lessonHash(plain, plain.setups[0]))).view.panel).toBe('none');
  });
});
