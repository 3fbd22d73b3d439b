import { useEffect, useState, type ReactNode } from 'react';
import { useAppState, useRunStatus, useServices } from './appContext';
import { showNotice } from './store';

/** One notice: its text (which wraps, and scrolls past a few lines) and a Dismiss button that always stays in view. */
function Notice({ role, kind, text, onDismiss }: { role: 'alert' | 'status'; kind: 'error' | 'info'; text: string | null; onDismiss(): void }): ReactNode {
  return (
    <div role={role} className={text ? `notice ${kind}` : 'notice empty'}>
      {text && (
        <>
          <span>{text}</span>
          <button type="button" className="small" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}

/**
 * Errors (a bad file or link, divergence, a failure) in an alert region, other news in a status
 * line, in a row under the workspace so that they cover nothing; every one can be dismissed.
 */
export function Notices(): ReactNode {
  const { store } = useServices();
  const notice = useAppState((state) => state.notice);
  const { problem } = useRunStatus();
  // The run's problem lasts until the run clears it; dismissing hides it until another one comes.
  const [dismissedProblem, setDismissedProblem] = useState<string | null>(null);
  useEffect(() => {
    if (problem === null) setDismissedProblem(null);
  }, [problem]);
  const shownProblem = problem !== dismissedProblem ? problem : null;
  const error = notice?.kind === 'error' ? notice.text : shownProblem;
  const dismissError = () => (notice?.kind === 'error' ? showNotice(store, null) : setDismissedProblem(problem));
  return (
    <div className="notices">
      <Notice role="alert" kind="error" text={error} onDismiss={dismissError} />
      <Notice role="status" kind="info" text={notice?.kind === 'info' ? notice.text : null} onDismiss={() => showNotice(store, null)} />
    </div>
  );
}
