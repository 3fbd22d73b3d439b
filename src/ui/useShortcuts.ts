import { useEffect } from 'react';
import type { Run } from '../train/run';
import { focusOf, keyPressOf, shortcutFor } from './shortcuts';

/** Space, S and R anywhere on the page while focus is on no control (on a button, Space presses the button). */
export function useShortcuts(run: Run): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(keyPressOf(event), focusOf(event.target as Element | null));
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
