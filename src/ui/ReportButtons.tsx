import { useState, type ReactNode } from 'react';
import type { Metrics } from '../core/metrics';
import { labReportHtml, type LabReport, type ReportMetricRow } from '../io/labReport';
import { useServices, type AppServices } from './appContext';
import { classReadings, type ClassReadings, type SplitReading } from './classReadings';
import { downloadBlob, downloadText } from './files';
import { formatAccuracy, formatEpoch, formatLoss } from './format';
import { FEATURE_LABELS } from './names';
import { networkPictureSvg } from './networkPicture';
import { lossChartSvg, planeCanvas, planePng } from './reportPictures';
import { showNotice } from './store';
import { currentLink } from './urlSync';

export const REPORT_FILE = 'descent-report.html';
export const PLANE_FILE = 'descent-plane.png';

function metricRows(metrics: Metrics | null, readings: ClassReadings | null): ReportMetricRow[] {
  const rows: ReportMetricRow[] = [{ name: 'Loss', training: formatLoss(metrics?.train.loss), test: formatLoss(metrics?.test?.loss) }];
  if (metrics?.train.accuracy !== null && metrics?.train.accuracy !== undefined) rows.push({ name: 'Accuracy', training: formatAccuracy(metrics.train.accuracy), test: formatAccuracy(metrics.test?.accuracy) });
  const regression = (reading: SplitReading | null | undefined, key: 'rSquared' | 'rmse') => (reading?.kind === 'regression' ? reading[key].toPrecision(3) : '—');
  if (readings?.train.kind === 'regression') {
    rows.push({ name: 'R²', training: regression(readings.train, 'rSquared'), test: regression(readings.test, 'rSquared') });
    rows.push({ name: 'RMSE', training: regression(readings.train, 'rmse'), test: regression(readings.test, 'rmse') });
  }
  return rows;
}

/** The confusion matrix of each split as a table of the report, with each class's accuracy. */
function matrixTables(readings: ClassReadings | null): LabReport['tables'] {
  const tables: NonNullable<LabReport['tables']>[number][] = [];
  for (const [name, reading] of [
    ['Test', readings?.test],
    ['Training', readings?.train],
  ] as const) {
    if (reading?.kind !== 'classification') continue;
    const classes = Array.from({ length: reading.matrix.classes }, (_, c) => `Class ${c}`);
    tables.push({
      caption: `Confusion matrix, ${name.toLowerCase()} split (${reading.count} points; rows: true class, columns: predicted)`,
      rows: [['', ...classes, 'Accuracy'], ...reading.matrix.counts.map((row, t) => [classes[t], ...row.map(String), formatAccuracy(reading.perClass[t])])],
    });
  }
  return tables;
}

/** The trained network as a picture; empty before the first model. */
function network({ run, store }: AppServices): string {
  const plan = run.plan;
  if (!plan) return '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>';
  const features = (run.config ?? store.getState().config).model.features;
  return networkPictureSvg(plan, run.parameters, features.map((feature) => FEATURE_LABELS[feature].text));
}

/** The run as a lab report: the pictures of the page, its numbers and the link that reopens it. */
export async function makeReport(services: AppServices): Promise<string> {
  const { run, store } = services;
  const predicted = await run.predictData();
  const readings = predicted ? classReadings(predicted.dataset, predicted.outputs) : null;
  const { config, challenge } = store.getState();
  return labReportHtml({
    title: challenge ? `Descent lab report: ${challenge.challenge.title}` : 'Descent lab report',
    made: new Date().toISOString(),
    link: (await currentLink(services)).url,
    config,
    epoch: formatEpoch(run.epoch),
    metrics: metricRows(run.metrics, readings),
    planePng: planeCanvas().toDataURL('image/png'),
    networkSvg: network(services),
    lossSvg: lossChartSvg(),
    tables: matrixTables(readings),
  });
}

/** Copies the plane to the clipboard as a PNG; where the browser cannot, says why and downloads the picture instead. */
async function copyPlane({ store }: AppServices): Promise<void> {
  const png = await planePng();
  let why: string;
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    why = 'this browser cannot put pictures on the clipboard';
  } else {
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      showNotice(store, { kind: 'info', text: 'Copied the plane to the clipboard as a picture: paste it into your slides.' });
      return;
    } catch (error) {
      why = `the browser refused (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  downloadBlob(png, PLANE_FILE);
  showNotice(store, { kind: 'info', text: `Could not copy the picture: ${why}. Downloaded it as ${PLANE_FILE} instead.` });
}

/** Save report (one HTML file with everything) and Copy image (the plane, for slides). */
export function ReportButtons(): ReactNode {
  const services = useServices();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      downloadText(await makeReport(services), REPORT_FILE, 'text/html');
    } catch (error) {
      showNotice(services.store, { kind: 'error', text: `Saving the report failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="row report-buttons">
      <button type="button" className="small" disabled={saving} onClick={() => void save()} title="One HTML file with the plane, the network, the loss chart, the metrics, the settings and the link to this run">
        Save report
      </button>
      <button type="button" className="small" onClick={() => void copyPlane(services).catch((error: unknown) => showNotice(services.store, { kind: 'error', text: `Copying the picture failed: ${String(error)}` }))} title="The decision boundary as a picture, for slides">
        Copy image
      </button>
    </div>
  );
}
