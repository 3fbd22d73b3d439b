import { useRef, type ReactNode } from 'react';
import COMPUTES from '../../docs/COMPUTES.md?raw';
import { useServices } from './appContext';
import { MarkdownBlocks, parseMarkdown, renderInline } from './markdown';
import { updateView } from './store';
import { useSidePanel } from './useSidePanel';

/** docs/COMPUTES.md itself, so the page and the doc say the same: its title heads the panel. */
const [TITLE, ...BODY] = parseMarkdown(COMPUTES);
const TITLE_TEXT = TITLE.kind === 'heading' ? TITLE.text : 'How Descent computes';
const BODY_BLOCKS = TITLE.kind === 'heading' ? BODY : [TITLE, ...BODY];

/** Opened from the Lessons panel, which it replaces: focus goes back to the Lessons button. */
const lessonsButton = (): HTMLElement | null => document.querySelector<HTMLElement>('button[data-panel="lessons"]');

/** How Descent computes, and where it differs from the lecture notes, in the side panel (from the Lessons panel). Escape closes it. */
export function ComputesPanel(): ReactNode {
  const { store } = useServices();
  const panel = useRef<HTMLElement>(null);
  const heading = useSidePanel(panel, lessonsButton);
  return (
    <aside ref={panel} className="side-panel computes-panel" aria-label={TITLE_TEXT}>
      <div className="panel-head">
        <h2 ref={heading} tabIndex={-1}>
          {renderInline(TITLE_TEXT)}
        </h2>
        <button type="button" className="small" onClick={() => updateView(store, { panel: 'none' })}>
          Close
        </button>
      </div>
      <MarkdownBlocks blocks={BODY_BLOCKS} headingOffset={1} />
    </aside>
  );
}
