import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { escapeHtml, labReportHtml, type LabReport } from '../../src/io/labReport';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function report(patch: Partial<LabReport> = {}): LabReport {
  return {
    title: 'XOR with a hidden layer',
    made: '2026-11-30T10:00:00Z',
    link: 'https://example.test/descent/#dataset=xor&hidden=4',
    config: defaultConfig(),
    epoch: '212',
    metrics: [
      { name: 'Loss', training: '0.051', test: '0.062' },
      { name: 'Accuracy', training: '99.1%', test: '98.0%' },
    ],
    planePng: PNG,
    networkSvg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4"/></svg>',
    lossSvg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path d="M0 0L10 10"/></svg>',
    ...patch,
  };
}

describe('the lab report', () => {
  it('holds the pictures, the metrics, the config and the link in one HTML file', () => {
    const html = labReportHtml(report({ tables: [{ caption: 'Confusion matrix (test)', rows: [['true \\ predicted', 'Class 1', 'Class 2'], ['Class 1', '74', '1'], ['Class 2', '2', '73']] }] }));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<img src="${PNG}" alt="Decision boundary">`);
    expect(html).toContain('<circle r="4"/>');
    expect(html).toContain('<path d="M0 0L10 10"/>');
    expect(html).toContain('<caption>Metrics at epoch 212</caption>');
    expect(html).toContain('<td>Accuracy</td><td>99.1%</td><td>98.0%</td>');
    expect(html).toContain('<caption>Confusion matrix (test)</caption>');
    expect(html).toContain('href="https://example.test/descent/#dataset=xor&amp;hidden=4"');
    expect(html).toContain('&quot;learningRate&quot;: 0.01');
  });

  it('asks nothing from outside and runs no code', () => {
    const html = labReportHtml(report({ lossSvg: '<svg onload="alert(1)"><script>alert(2)</script><path d="M0 0"/></svg>' }));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onload=/i);
    // Links to reopen the run are fine; nothing is loaded from anywhere.
    expect(html).not.toMatch(/src="http|<link|@import|url\(/);
    expect(html).toContain('<path d="M0 0"/>');
  });

  it('escapes text it is given', () => {
    const html = labReportHtml(report({ title: '<b>"Me & you"</b>' }));
    expect(html).toContain('<title>&lt;b&gt;&quot;Me &amp; you&quot;&lt;/b&gt;</title>');
    expect(escapeHtml(`<a href='x'>`)).toBe('&lt;a href=&#39;x&#39;&gt;');
  });

  it('refuses a plane picture that is not a PNG data URL, and a picture that is not SVG', () => {
    expect(() => labReportHtml(report({ planePng: 'https://example.test/plane.png' }))).toThrow(/PNG data URL/);
    expect(() => labReportHtml(report({ networkSvg: '<img src=x>' }))).toThrow(/SVG markup/);
  });
});
