import type { ExperimentConfig } from '../core/config';

/**
 * The lab report: one self-contained HTML file (pictures inlined, no script, no outside request)
 * with the plane, the network, the loss chart, the metrics, the config and the link that reopens the run.
 */

export interface ReportMetricRow {
  name: string;
  training: string;
  test: string;
}

export interface LabReport {
  title: string;
  /** When the report was made (ISO 8601). */
  made: string;
  /** The link that reopens the run. */
  link: string;
  config: ExperimentConfig;
  /** Epoch reached, as the page shows it. */
  epoch: string;
  metrics: readonly ReportMetricRow[];
  /** The decision boundary as a PNG data URL. */
  planePng: string;
  /** The network diagram and the loss chart as standalone SVG markup. */
  networkSvg: string;
  lossSvg: string;
  /** Extra tables, e.g. the confusion matrix: a caption and rows of cells (the first row is the header). */
  tables?: readonly { caption: string; rows: readonly (readonly string[])[] }[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

/** A data URL of a PNG, and nothing else, may be inlined as an image. */
function pngSource(dataUrl: string): string {
  if (!/^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(dataUrl)) throw new RangeError('the plane picture must be a PNG data URL');
  return dataUrl;
}

/** SVG markup made by the page, without scripts or event handlers (so the report runs no code). */
function inertSvg(markup: string): string {
  if (!/^<svg[\s>]/.test(markup.trim())) throw new RangeError('a report picture must be SVG markup starting with <svg');
  return markup.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/\son[a-z]+="[^"]*"/gi, '');
}

function table(caption: string, rows: readonly (readonly string[])[]): string {
  const [head, ...body] = rows;
  const cells = (row: readonly string[], tag: 'th' | 'td') => row.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${cells(head, 'th')}</tr></thead><tbody>${body.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('')}</tbody></table>`;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1b1f24;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}figure{margin:1rem 0}figcaption{color:#555;font-size:.9rem}
.pictures{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem;align-items:start}
img,svg{max-width:100%;height:auto}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccd;padding:.25rem .6rem;text-align:right}
caption{text-align:left;font-weight:600;padding-bottom:.25rem}a{overflow-wrap:anywhere}pre{background:#f4f5f7;padding:.75rem;overflow:auto;font-size:.85rem}`;

/** The report as one HTML document. */
export function labReportHtml(report: LabReport): string {
  const metrics = table(`Metrics at epoch ${report.epoch}`, [['', 'Training', 'Test'], ...report.metrics.map((row) => [row.name, row.training, row.test])]);
  const extra = (report.tables ?? []).map((entry) => table(entry.caption, entry.rows)).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
<p>Made ${escapeHtml(report.made)} with Descent. <a href="${escapeHtml(report.link)}">Reopen this run</a> (the link re-creates the data and the training).</p>
<div class="pictures">
<figure><img src="${pngSource(report.planePng)}" alt="Decision boundary"><figcaption>Decision boundary</figcaption></figure>
<figure>${inertSvg(report.lossSvg)}<figcaption>Loss</figcaption></figure>
</div>
<figure>${inertSvg(report.networkSvg)}<figcaption>Network</figcaption></figure>
${metrics}
${extra}
<h2>Experiment</h2>
<pre>${escapeHtml(JSON.stringify(report.config, null, 2))}</pre>
<p><a href="${escapeHtml(report.link)}">${escapeHtml(report.link)}</a></p>
</body>
</html>
`;
}
