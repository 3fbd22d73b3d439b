import type { ReactNode } from 'react';
import COMPUTES from '../../docs/COMPUTES.md?raw';
import { MarkdownBlocks, parseMarkdown, renderInline } from './markdown';
import { SidePanel } from './SidePanel';

/** docs/COMPUTES.md itself, so the page and the doc say the same: its title heads the panel. */
const [TITLE, ...BODY] = parseMarkdown(COMPUTES);
const TITLE_TEXT = TITLE.kind === 'heading' ? TITLE.text : 'How Descent computes';
const BODY_BLOCKS = TITLE.kind === 'heading' ? BODY : [TITLE, ...BODY];

/** Opened from the Lessons panel, which it replaces: focus goes back to the Lessons button. */
const lessonsButton = (): HTMLElement | null => document.querySelector<HTMLElement>('button[data-panel="lessons"]');

/** How Descent computes, and where it differs from the lecture notes, in the side panel (from the Lessons panel). Escape closes it. */
export function ComputesPanel(): ReactNode {
  return (
    <SidePanel label={TITLE_TEXT} className="computes-panel" title={renderInline(TITLE_TEXT)} fallback={lessonsButton}>
      <MarkdownBlocks blocks={BODY_BLOCKS} headingOffset={1} />
    </SidePanel>
  );
}
