import type { ReactNode } from 'react';
import { useServices } from './appContext';
import { exportWeightsFile, importWeightsFile, pickFile } from './files';

/** Export the trained model as weights JSON v1, or import one (also by dropping it on the page). */
export function WeightsButtons(): ReactNode {
  const services = useServices();
  return (
    <div className="weights-buttons">
      {/* On a narrow screen the buttons say only Export and Import; their names stay whole. */}
      <button type="button" aria-label="Export weights" onClick={() => void exportWeightsFile(services)}>
        Export<span className="wide-only"> weights</span>
      </button>
      <button type="button" aria-label="Import weights" title="Or drop a weights file on the page" onClick={() => pickFile('.json,application/json', (file) => void importWeightsFile(services, file))}>
        Import<span className="wide-only"> weights</span>
      </button>
    </div>
  );
}
