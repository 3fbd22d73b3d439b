import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserBackends, browserClock } from './train/browser';
import { Run } from './train/run';
import { App } from './App';
import { createAppStore } from './ui/store';
import { applyHash, readHash, startUrlSync } from './ui/urlSync';
import { ViewScheduler } from './ui/viewScheduler';
import './ui/styles.css';
import './ui/classroom.css';

/**
 * Reads the link the page was opened with (so the first run is the shared one), wires the store
 * to the run (config changes flow one way: store → run) and renders the page.
 */
async function boot(): Promise<void> {
  const opened = await readHash(location.hash);
  const run = new Run(opened.state.config, browserBackends, browserClock);
  const store = createAppStore(opened.state.config);
  const services = { store, run, views: new ViewScheduler(() => run.version) };
  applyHash(services, opened);
  store.subscribe((state, previous) => {
    if (state.config !== previous.config) run.setConfig(state.config);
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
