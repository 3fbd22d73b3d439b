import { useEffect, useState, type ReactNode } from 'react';
import type { MadeLink } from '../io/shareLink';
import { useAppState, useServices } from './appContext';
import { CONTROL_IDS, CONTROLS } from './controls';
import { ChallengeForm } from './ChallengeForm';
import { Toggle } from './fields';
import { exportDataFile } from './files';
import { ReportButtons } from './ReportButtons';
import { updateView } from './store';
import { currentLink } from './urlSync';
import { SidePanel } from './SidePanel';

/** What happened to the link: copied, or to be copied by hand. */
type CopyState = 'copying' | 'copied' | 'manual';

/** Whether the browser let the page put `text` on the clipboard. */
async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The link to this exact run, copied to the clipboard when it opens, with what a teacher sets
 * for the class: presentation mode and which controls the page shows. Escape closes it.
 */
export function SharePanel(): ReactNode {
  const services = useServices();
  const { store } = services;
  const config = useAppState((state) => state.config);
  const view = useAppState((state) => state.view);
  const challenge = useAppState((state) => state.challenge);
  const [link, setLink] = useState<MadeLink | null>(null);
  const [copy, setCopy] = useState<CopyState>('copying');

  useEffect(() => {
    let current = true;
    void currentLink(services).then(async (made) => {
      if (!current) return;
      setLink(made);
      const copied = await copyToClipboard(made.url);
      if (current) setCopy(copied ? 'copied' : 'manual');
    });
    return () => {
      current = false;
    };
  }, [services, config, challenge, view.hidden, view.present, view.showTestData, view.discretize, view.logScale, view.lesson]);

  const setHidden = (id: string, shown: boolean) => updateView(store, { hidden: shown ? view.hidden.filter((other) => other !== id) : [...view.hidden, id] });
  return (
    <SidePanel label="Share" className="share-panel" title="Share this run">
      <div className="row">
        <input className="share-link" aria-label="Link" readOnly value={link?.url ?? ''} onFocus={(event) => event.target.select()} />
        <button type="button" className="small" disabled={!link} onClick={() => link && void copyToClipboard(link.url).then((copied) => setCopy(copied ? 'copied' : 'manual'))}>
          Copy
        </button>
      </div>
      <p role="status">{copy === 'copied' ? 'Copied to the clipboard.' : copy === 'manual' ? 'Select the link and copy it (Ctrl+C).' : 'Making the link…'}</p>
      <p className="hint">Whoever opens it gets the same data, the same starting weights and the same curve.</p>
      {link?.pointsLeftOut && (
        <p className="warning">
          The drawn points are not in the link: {link.pointsLeftOut}. Share them as a CSV file instead.{' '}
          <button type="button" className="small" onClick={() => exportDataFile(services)}>
            Export data
          </button>
        </p>
      )}
      <h3>Lab report</h3>
      <ReportButtons />
      <h3>For the class</h3>
      <Toggle label="Presentation mode (large type)" checked={view.present} onChange={(present) => updateView(store, { present })} />
      <fieldset className="control-choices">
        <legend>Controls the page shows</legend>
        {CONTROL_IDS.map((id) => (
          <Toggle key={id} label={CONTROLS[id]} checked={!view.hidden.includes(id)} onChange={(shown) => setHidden(id, shown)} />
        ))}
      </fieldset>
      <h3>Write a challenge</h3>
      <ChallengeForm />
    </SidePanel>
  );
}
