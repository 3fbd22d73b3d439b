import { useEffect } from 'react';
import type { Run } from '../train/run';
import { shortcutFor } from './shortcuts';

/** Space, S and R anywhere on the page (Space also on a focused button, where it would otherwise press it). */
export function useShortcuts(run: Run): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event.key, event.target as HTMLElement | null, event.ctrlKey || event.metaKey || event.altKey);
      if (!shortcut || event.repeat) return;
      event.preventDefault();
      if (shortcut === 'toggle') run.togglePlay();
      else if (shortcut === 'step') run.stepEpoch();
      else run.reset();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);
}
