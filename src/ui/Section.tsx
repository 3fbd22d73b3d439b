import { useId, useState, type ReactNode } from 'react';

/**
 * A part of the page that a phone shows folded, behind a button that opens it. On larger screens
 * the button is not shown and the content is laid out as if the section were not there.
 */
export function Section({ name, className, children }: { name: string; className: string; children: ReactNode }): ReactNode {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={`section ${className}${open ? ' open' : ''}`}>
      <button type="button" className="section-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {name}
      </button>
      <div id={id} className="section-body">
        {children}
      </div>
    </div>
  );
}
