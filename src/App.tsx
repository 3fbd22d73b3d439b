import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { AppContext, type AppServices } from './ui/appContext';
import { DATA_CONTROLS } from './ui/controls';
import { DataPanel } from './ui/DataPanel';
import { DecisionBoundary } from './ui/DecisionBoundary';
import { LossChart } from './ui/LossChart';
import { MetricReadouts } from './ui/MetricReadouts';
import { NetworkPanel } from './ui/NetworkPanel';
import { Notices } from './ui/Notices';
import { SettingsBar } from './ui/SettingsBar';
import { TopBar } from './ui/TopBar';
import { LessonBanner } from './ui/LessonBanner';
import { LessonsPanel } from './ui/LessonsPanel';
import { ComputesPanel } from './ui/ComputesPanel';
import { ChallengesPanel } from './ui/ChallengesPanel';
import { ComparePanel } from './ui/ComparePanel';
import { ConfusionPanel } from './ui/ConfusionMatrix';
import { ChallengeBanner } from './ui/GoalReadout';
import { InsidePanel } from './ui/InsidePanel';
import { SharePanel } from './ui/SharePanel';
import { Section } from './ui/Section';
import { useFileDrop } from './ui/useFileDrop';
import { useShortcuts } from './ui/useShortcuts';
import { useUndoKeys } from './ui/useUndoKeys';

/** The playground: transport and settings on top; data, network and output side by side; lessons and sharing in a side panel. */
export function App({ services }: { services: AppServices }): ReactNode {
  useShortcuts(services.run);
  useUndoKeys(services.store);
  const dragging = useFileDrop(services);
  const present = useStore(services.store, (state) => state.view.present);
  const lesson = useStore(services.store, (state) => state.view.lesson);
  const panel = useStore(services.store, (state) => state.view.panel);
  const challenge = useStore(services.store, (state) => state.challenge !== null);
  const dataShown = useStore(services.store, (state) => DATA_CONTROLS.some((id) => !state.view.hidden.includes(id)));
  const className = ['app', present && 'present', lesson && 'with-lesson', challenge && 'with-challenge'].filter(Boolean).join(' ');
  return (
    <AppContext.Provider value={services}>
      <div className={className}>
        <TopBar />
        <Section name="Settings" className="settings-section">
          <SettingsBar />
        </Section>
        <LessonBanner />
        <ChallengeBanner />
        <main className={dataShown ? 'workspace' : 'workspace without-data'}>
          {dataShown && (
            <Section name="Data" className="data-section">
              <DataPanel />
            </Section>
          )}
          <Section name="Network" className="network-section">
            <NetworkPanel />
          </Section>
          <div className="output-column">
            <DecisionBoundary />
            <MetricReadouts />
            <LossChart />
          </div>
          {/* In the workspace, so that a side panel takes the network's place and never covers the plane. */}
          {panel === 'lessons' && <LessonsPanel />}
          {panel === 'share' && <SharePanel />}
          {panel === 'computes' && <ComputesPanel />}
          {panel === 'challenges' && <ChallengesPanel />}
          {panel === 'confusion' && <ConfusionPanel />}
          {panel === 'inside' && <InsidePanel />}
          {panel === 'compare' && <ComparePanel />}
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
