import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultConfig } from './core/config';
import { browserBackends, browserClock } from './train/browser';
import { Run } from './train/run';
import { App } from './App';
import { createAppStore } from './ui/store';
import { ViewScheduler } from './ui/viewScheduler';
import './ui/styles.css';

/** Wires the store to the run (config changes flow one way: store → run) and renders the page. */
const store = createAppStore(defaultConfig());
const run = new Run(store.getState().config, browserBackends, browserClock);
store.subscribe((state, previous) => {
  if (state.config !== previous.config) run.setConfig(state.config);
});
void run.start();
const views = new ViewScheduler(() => run.version);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App services={{ store, run, views }} />
  </StrictMode>,
);
