import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserBackends, browserClock } from './train/browser';
import { Run } from './train/run';
import { App } from './App';
import { createAppStore } from './ui/store';
import { problemsNotice, readHash, startUrlSync, viewFromHash } from './ui/urlSync';
import { ViewScheduler } from './ui/viewScheduler';
import './ui/styles.css';

/**
 * Reads the link the page was opened with (so the first run is the shared one), wires the store
 * to the run (config changes flow one way: store → run) and renders the page.
 */
async function boot(): Promise<void> {
  const opened = await readHash(location.hash);
  const run = new Run(opened.state.config, browserBackends, browserClock);
  const config = opened.drawn ? { ...opened.state.config, data: run.setCustomData(opened.drawn) } : opened.state.config;
  const store = createAppStore(config, viewFromHash(opened.state));
  store.setState({ notice: problemsNotice(opened.problems) });
  store.subscribe((state, previous) => {
    if (state.config !== previous.config) run.setConfig(state.config);
  });
  void run.start();
  const views = new ViewScheduler(() => run.version);
  const services = { store, run, views };
  startUrlSync(services);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}

void boot();
