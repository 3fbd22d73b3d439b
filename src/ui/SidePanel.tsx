import { useRef, type ReactNode, type RefObject } from 'react';
import { useServices } from './appContext';
import { updateView } from './store';
import { useSidePanel } from './useSidePanel';

interface SidePanelProps {
  /** The panel's accessible name. */
  label: string;
  /** Its own class, beside `side-panel`. */
  className: string;
  /** The heading's content; the label when absent. */
  title?: ReactNode;
  /** Buttons of the panel's head, before Close. */
  actions?: ReactNode;
  /** The panel's element, for a panel that scrolls or measures itself. */
  panelRef?: RefObject<HTMLElement | null>;
  /** Where focus goes on closing when the button that opened the panel has gone. */
  fallback?: () => HTMLElement | null;
  children: ReactNode;
}

/** A side panel: its heading (focused when it opens), its head's buttons and Close, then its body. Escape closes it too. */
export function SidePanel({ label, className, title, actions, panelRef, fallback, children }: SidePanelProps): ReactNode {
  const { store } = useServices();
  const ownRef = useRef<HTMLElement>(null);
  const panel = panelRef ?? ownRef;
  const heading = useSidePanel(panel, fallback);
  return (
    <aside ref={panel} className={`side-panel ${className}`} aria-label={label}>
      <div className="panel-head">
        <h2 ref={heading} tabIndex={-1}>
          {title ?? label}
        </h2>
        {actions}
        <button type="button" className="small" onClick={() => updateView(store, { panel: 'none' })}>
          Close
        </button>
      </div>
      {children}
    </aside>
  );
}
