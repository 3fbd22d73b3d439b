import type { ReactNode } from 'react';
import { useServices } from './appContext';
import { exportWeightsFile, importWeightsFile, pickFile } from './files';

/** Export the trained model as weights JSON v1, or import one (also by dropping it on the page). */
export function WeightsButtons(): ReactNode {
  const services = useServices();
  return (
    <div className="weights-buttons">
      <button type="button" onClick={() => void exportWeightsFile(services)}>
        Export weights
      </button>
      <button type="button" title="Or drop a weights file on the page" onClick={() => pickFile('.json,application/json', (file) => void importWeightsFile(services, file))}>
        Import weights
      </button>
    </div>
  );
}
