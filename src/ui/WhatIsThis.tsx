import { useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Explanation } from './explanations';

interface WhatIsThisProps {
  /** The setting's name as its label shows it. */
  label: string;
  explanation: Explanation;
  /** Explanations of the setting's options, by the names the page gives them. */
  options?: readonly { name: string; text: string }[];
}

/** Keeps the note inside the window, under the button. */
const NOTE_WIDTH = 340;

/**
 * A small "?" button beside a setting's label that opens a few lines on what the setting does,
 * with its formula. The note is put on the page's top level, since the bars clip their own painting.
 */
export function WhatIsThis({ label, explanation, options }: WhatIsThisProps): ReactNode {
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const toggle = () => {
    if (place) return setPlace(null);
    const box = button.current!.getBoundingClientRect();
    setPlace({ left: Math.max(4, Math.min(box.left, window.innerWidth - NOTE_WIDTH - 4)), top: box.bottom + 4 });
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="what-is-this"
        aria-label={`What is ${label}?`}
        aria-expanded={place !== null}
        aria-controls={id}
        title={`What is ${label}?`}
        onClick={toggle}
        onBlur={() => setPlace(null)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && place) {
            event.stopPropagation();
            setPlace(null);
          }
        }}
      >
        ?
      </button>
      {place &&
        createPortal(
          <div id={id} className="explanation" role="note" aria-label={`About ${label}`} style={{ left: place.left, top: place.top, width: NOTE_WIDTH, maxHeight: window.innerHeight - place.top - 8 }}>
            {explanation.more.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            {options && (
              <dl>
                {options.map((option) => (
                  <div key={option.name}>
                    <dt>{option.name}</dt>
                    <dd>{option.text}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>,
          document.body,
        )}
    </>
  );
}
