import type { ReactNode } from 'react';

/**
 * The little Markdown the project's docs use, as React elements (never HTML strings): headings,
 * paragraphs, "-" lists (continuation lines indented), tables with a header row, and inline
 * `code`, **strong** and *emphasis*; `\|` is a literal bar inside a table cell.
 */

export type MarkdownBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const LIST_ITEM = /^[-*]\s+(.*)$/;
const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

/** A table row's cells: split on bars that are not escaped, the outer bars dropped. */
function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

export function parseMarkdown(text: string): MarkdownBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MarkdownBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const heading = HEADING.exec(line);
    if (line.trim() === '') {
      i++;
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2].trim() });
      i++;
    } else if (line.startsWith('|') && TABLE_SEPARATOR.test(lines[i + 1]?.trim() ?? '')) {
      const header = tableCells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(tableCells(lines[i]));
      blocks.push({ kind: 'table', header, rows });
    } else if (LIST_ITEM.test(line)) {
      const items: string[] = [];
      for (; i < lines.length && lines[i].trim() !== ''; i++) {
        const item = LIST_ITEM.exec(lines[i]);
        if (item) items.push(item[1]);
        else items[items.length - 1] += ` ${lines[i].trim()}`;
      }
      blocks.push({ kind: 'list', items });
    } else {
      const paragraph: string[] = [];
      for (; i < lines.length && lines[i].trim() !== '' && !HEADING.test(lines[i]) && !LIST_ITEM.test(lines[i]) && !lines[i].startsWith('|'); i++) paragraph.push(lines[i].trim());
      blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    }
  }
  return blocks;
}

const INLINE = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/;

/** Inline code, strong and emphasis; everything else is text. */
export function renderInline(text: string): ReactNode[] {
  return text
    .split(INLINE)
    .filter((part) => part !== '')
    .map((part, i) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return <code key={i}>{part.slice(1, -1)}</code>;
      if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return <strong key={i}>{renderInline(part.slice(2, -2))}</strong>;
      if (part.startsWith('*') && part.endsWith('*') && part.length > 2) return <em key={i}>{part.slice(1, -1)}</em>;
      return part;
    });
}

/** Parsed blocks as elements; `headingOffset` shifts heading levels (## becomes h3 with offset 1, under a panel's h2). */
export function MarkdownBlocks({ blocks, headingOffset = 0 }: { blocks: readonly MarkdownBlock[]; headingOffset?: number }): ReactNode {
  return blocks.map((block, i) => {
    switch (block.kind) {
      case 'heading': {
        const Heading = `h${Math.min(6, block.level + headingOffset)}` as 'h2';
        return <Heading key={i}>{renderInline(block.text)}</Heading>;
      }
      case 'paragraph':
        return <p key={i}>{renderInline(block.text)}</p>;
      case 'list':
        return (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{renderInline(item)}</li>
            ))}
          </ul>
        );
      case 'table':
        return (
          <div key={i} className="table-scroll">
            <table>
              <thead>
                <tr>
                  {block.header.map((cell, j) => (
                    <th key={j} scope="col">
                      {renderInline(cell)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, j) => (
                      <td key={j}>{renderInline(cell)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
    }
  });
}
