import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserBackends, browserClock } from './train/browser';
import { Run } from './train/run';
import { App } from './App';
import { createAppStore, showNotice } from './ui/store';
import { applyHash, readHash, startUrlSync } from './ui/urlSync';
import { ViewScheduler } from './ui/viewScheduler';
import './ui/styles.css';
import './ui/layout.css';
import './ui/classroom.css';
import './ui/classmode.css';

/**
 * Reads the link the page was opened with into the store (so the first run is the shared one),
 * starts the run that follows the store, and renders the page.
 */
async function boot(): Promise<void> {
  const opened = await readHash(location.hash);
  const store = createAppStore(opened.state.config);
  const run = new Run(store, browserBackends, browserClock);
  const services = { store, run, views: new ViewScheduler(() => run.version) };
  applyHash(services, opened);
  // A move off WebGPU is never silent: the notice says why.
  run.onNews((news) => {
    if (news.kind === 'failover') showNotice(store, { kind: 'error', text: news.text });
  });
  void run.start();
  startUrlSync(services);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}

void boot();
