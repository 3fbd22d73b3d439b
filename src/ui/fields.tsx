import { useEffect, useId, useState, type ReactNode } from 'react';
import type { Explanation } from './explanations';
import { WhatIsThis } from './WhatIsThis';
import './explanations.css';

/** Form controls with visible labels tied to them, so each has an accessible name. */

/** What a setting is: a hint on hover and focus, and "What is this?" with its formula. */
interface Explained {
  explanation?: Explanation;
  /** One line per option, for drop-down lists. */
  optionTexts?: Record<string, string>;
}

/** The label, with the setting's hint on hover and its "What is this?" button. */
export function FieldLabel({ id, label, explanation, options }: { id: string; label: string; explanation?: Explanation; options?: { name: string; text: string }[] }): ReactNode {
  return (
    <div className="field-label">
      <label htmlFor={id} title={explanation?.hint}>
        {label}
      </label>
      {explanation && explanation.more.length > 0 && <WhatIsThis label={label} explanation={explanation} options={options} />}
      {explanation && (
        <span id={`${id}-hint`} className="visually-hidden">
          {explanation.hint}
        </span>
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string> extends Explained {
  label: string;
  value: T;
  options: readonly T[];
  names: Record<T, string>;
  onChange(value: T): void;
  disabled?: boolean;
}

/** A labelled drop-down list. */
export function SelectField<T extends string>({ label, value, options, names, onChange, disabled, explanation, optionTexts }: SelectFieldProps<T>): ReactNode {
  const id = useId();
  const described = optionTexts ? options.map((option) => ({ name: names[option], text: optionTexts[option] })) : undefined;
  return (
    <div className="field">
      <FieldLabel id={id} label={label} explanation={explanation} options={described} />
      <select id={id} value={value} disabled={disabled} aria-describedby={explanation ? `${id}-hint` : undefined} title={optionTexts?.[value] ?? explanation?.hint} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option} title={optionTexts?.[option]}>
            {names[option]}
          </option>
        ))}
      </select>
    </div>
  );
}

interface NumberFieldProps<T> extends Explained {
  label: string;
  value: T;
  /** The value typed, or null when the text is not acceptable (the field then says so). */
  parse(text: string): T | null;
  format?(value: T): string;
  /** Values offered in the list under the field. */
  suggestions?: readonly T[];
  /** Says what is accepted, for the invalid state; a function says what is wrong with the text typed. */
  hint: string | ((text: string) => string);
  onCommit(value: T): void;
  disabled?: boolean;
  size?: number;
}

/**
 * A labelled text field for a number with suggestions (free entry, or pick from the list).
 * Commits on Enter, on leaving the field and on picking a suggestion; invalid text is marked, not committed.
 */
export function NumberField<T>({ label, value, parse, format = String, suggestions, hint, onCommit, disabled, size = 7, explanation }: NumberFieldProps<T>): ReactNode {
  const id = useId();
  const [text, setText] = useState(format(value));
  /** What is wrong with the text last committed, or null when it was accepted. */
  const [problem, setProblem] = useState<string | null>(null);
  const invalid = problem !== null;
  useEffect(() => {
    setText(format(value));
    setProblem(null);
    // The shown text follows the committed value only.
  }, [value]);
  const commit = (raw: string) => {
    const parsed = parse(raw.trim());
    setProblem(parsed === null ? (typeof hint === 'string' ? hint : hint(raw.trim())) : null);
    if (parsed !== null) onCommit(parsed);
  };
  return (
    <div className="field">
      <FieldLabel id={id} label={label} explanation={explanation} />
      <input
        id={id}
        type="text"
        inputMode="decimal"
        size={size}
        value={text}
        disabled={disabled}
        list={suggestions ? `${id}-list` : undefined}
        aria-invalid={invalid}
        aria-describedby={explanation ? `${id}-hint` : undefined}
        title={problem ?? explanation?.hint}
        onChange={(event) => {
          setText(event.target.value);
          const native = event.nativeEvent as InputEvent;
          if (native.inputType === 'insertReplacementText') commit(event.target.value);
        }}
        onBlur={(event) => commit(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
          if (event.key === 'Escape') setText(format(value));
        }}
      />
      {suggestions && (
        <datalist id={`${id}-list`}>
          {suggestions.map((option) => (
            <option key={String(option)} value={format(option)} />
          ))}
        </datalist>
      )}
    </div>
  );
}

interface ToggleProps {
  label: string;
  explanation?: Explanation;
  checked: boolean;
  onChange(checked: boolean): void;
}

/** A labelled checkbox. */
export function Toggle({ label, checked, onChange, explanation }: ToggleProps): ReactNode {
  const id = useId();
  const box = (
    <label className="toggle" title={explanation?.hint}>
      <input type="checkbox" checked={checked} aria-describedby={explanation ? `${id}-hint` : undefined} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
  if (!explanation) return box;
  return (
    <span className="toggle-field">
      {box}
      <WhatIsThis label={label} explanation={explanation} />
      <span id={`${id}-hint`} className="visually-hidden">
        {explanation.hint}
      </span>
    </span>
  );
}
