import type { ReactNode } from 'react';
import { AppContext, type AppServices } from './ui/appContext';
import { DataPanel } from './ui/DataPanel';
import { DecisionBoundary } from './ui/DecisionBoundary';
import { LossChart } from './ui/LossChart';
import { MetricReadouts } from './ui/MetricReadouts';
import { NetworkPanel } from './ui/NetworkPanel';
import { Notices } from './ui/Notices';
import { SettingsBar } from './ui/SettingsBar';
import { TopBar } from './ui/TopBar';
import { useFileDrop } from './ui/useFileDrop';
import { useShortcuts } from './ui/useShortcuts';

/** The playground: transport and settings on top; data, network and output side by side. */
export function App({ services }: { services: AppServices }): ReactNode {
  useShortcuts(services.run);
  const dragging = useFileDrop(services);
  return (
    <AppContext.Provider value={services}>
      <div className="app">
        <TopBar />
        <SettingsBar />
        <main className="workspace">
          <DataPanel />
          <NetworkPanel />
          <div className="output-column">
            <DecisionBoundary />
            <MetricReadouts />
            <LossChart />
          </div>
        </main>
        <Notices />
        {dragging && (
          <div className="drop-hint" aria-hidden="true">
            Drop a weights file (.json) or data (.csv)
          </div>
        )}
      </div>
    </AppContext.Provider>
  );
}
