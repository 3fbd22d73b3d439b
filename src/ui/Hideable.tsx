import type { ReactNode } from 'react';
import { useAppState } from './appContext';
import type { ControlId } from './controls';

/** Whether the page shows this control (a shared link may leave it out). */
export function useShown(id: ControlId): boolean {
  return useAppState((state) => !state.view.hidden.includes(id));
}

/** Its children, unless the link the page was opened with hides control `id`. */
export function Hideable({ id, children }: { id: ControlId; children: ReactNode }): ReactNode {
  return useShown(id) ? children : null;
}
