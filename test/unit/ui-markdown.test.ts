import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import COMPUTES from '../../docs/COMPUTES.md?raw';
import { MarkdownBlocks, parseMarkdown } from '../../src/ui/markdown';

const render = (text: string): string => renderToStaticMarkup(createElement(MarkdownBlocks, { blocks: parseMarkdown(text), headingOffset: 1 }));

/** The words a reader sees, markup aside. */
const words = (text: string): string[] =>
  text
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'")
    .split(/\s+/)
    .filter((word) => word !== '');

describe('the Markdown of the docs, on the page', () => {
  it('renders headings, paragraphs, lists, tables and inline code, strong and emphasis as elements', () => {
    const html = render('# Title\n\n## Part\n\nA *word* and `code` and **bold `x`**.\nNext line.\n\n- one\n  more\n- two\n\n| a | b |\n| --- | --- |\n| x \\| y | `z` |\n');
    expect(html).toBe(
      '<h2>Title</h2><h3>Part</h3><p>A <em>word</em> and <code>code</code> and <strong>bold <code>x</code></strong>. Next line.</p>' +
        '<ul><li>one more</li><li>two</li></ul>' +
        '<div class="table-scroll"><table><thead><tr><th scope="col">a</th><th scope="col">b</th></tr></thead><tbody><tr><td>x | y</td><td><code>z</code></td></tr></tbody></table></div>',
    );
  });

  it('never passes text through as HTML', () => {
    expect(render('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('shows every word of docs/COMPUTES.md, in order: the page and the doc are one text', () => {
    const shown = words(render(COMPUTES).replace(/<\/(p|li|h\d|th|td)>/g, ' ').replace(/<[^>]+>/g, ''));
    const written = words(
      COMPUTES.split('\n')
        .filter((line) => !/^\|?\s*-{3,}/.test(line))
        .map((line) => line.replace(/^#+\s+/, '').replace(/^\s*-\s+/, '').split('\\|').map((part) => part.replace(/\|/g, ' ')).join('|').replace(/\*\*|`/g, ''))
        .join('\n'),
    );
    expect(shown).toEqual(written);
    for (const phrase of ['(λ/2) Σ w²', 'inverted dropout', 'Class 0', 'Adam with L2']) expect(render(COMPUTES)).toContain(phrase);
  });
});
