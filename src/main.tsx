import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserBackends, browserClock } from './train/browser';
import { Run } from './train/run';
import { App } from './App';
import { createAppStore, showNotice } from './ui/store';
import { followSpeed } from './ui/SpeedControl';
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
  followSpeed(store, run);
  // A move off WebGPU is never silent: the notice says why. Nor is an early stop.
  run.onNews((news) => {
    if (news.kind === 'failover' || news.kind === 'unshown') showNotice(store, { kind: 'error', text: news.text });
    if (news.kind === 'stopped') showNotice(store, { kind: 'info', text: news.text });
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
