import type { ReactNode } from 'react';
import { useAppState, useRunStatus, useServices } from './appContext';
import { showNotice } from './store';

/** Errors (a bad file, divergence, a failure) in an alert region, other news in a status line; both dismissable. */
export function Notices(): ReactNode {
  const { store } = useServices();
  const notice = useAppState((state) => state.notice);
  const { problem } = useRunStatus();
  const error = notice?.kind === 'error' ? notice.text : problem;
  const info = notice?.kind === 'info' ? notice.text : null;
  return (
    <div className="notices">
      <div role="alert" className={error ? 'notice error' : 'notice empty'}>
        {error && (
          <>
            <span>{error}</span>
            {notice?.kind === 'error' && (
              <button type="button" className="small" onClick={() => showNotice(store, null)}>
                Dismiss
              </button>
            )}
          </>
        )}
      </div>
      <div role="status" className={info ? 'notice info' : 'notice empty'}>
        {info && (
          <>
            <span>{info}</span>
            <button type="button" className="small" onClick={() => showNotice(store, null)}>
              Dismiss
            </button>
          </>
        )}
      </div>
    </div>
  );
}
