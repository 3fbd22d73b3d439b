import { useEffect, useId, useState, type ReactNode } from 'react';
import { parseDecimal } from '../core/decimal';

/** Form controls with visible labels tied to them, so each has an accessible name. */

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly T[];
  names: Record<T, string>;
  onChange(value: T): void;
  disabled?: boolean;
}

/** A labelled drop-down list. */
export function SelectField<T extends string>({ label, value, options, names, onChange, disabled }: SelectFieldProps<T>): ReactNode {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {names[option]}
          </option>
        ))}
      </select>
    </div>
  );
}

interface NumberFieldProps<T> {
  label: string;
  value: T;
  /** The value typed, or null when the text is not acceptable (the field then says so). */
  parse(text: string): T | null;
  format?(value: T): string;
  /** Values offered in the list under the field. */
  suggestions?: readonly T[];
  /** Says what is accepted, for the invalid state. */
  hint: string;
  onCommit(value: T): void;
  disabled?: boolean;
  size?: number;
}

/**
 * A labelled text field for a number with suggestions (free entry, or pick from the list).
 * Commits on Enter, on leaving the field and on picking a suggestion; invalid text is marked, not committed.
 */
export function NumberField<T>({ label, value, parse, format = String, suggestions, hint, onCommit, disabled, size = 7 }: NumberFieldProps<T>): ReactNode {
  const id = useId();
  const [text, setText] = useState(format(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(format(value));
    setInvalid(false);
    // The shown text follows the committed value only.
  }, [value]);
  const commit = (raw: string) => {
    const parsed = parse(raw.trim());
    setInvalid(parsed === null);
    if (parsed !== null) onCommit(parsed);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        size={size}
        value={text}
        disabled={disabled}
        list={suggestions ? `${id}-list` : undefined}
        aria-invalid={invalid}
        title={invalid ? hint : undefined}
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

/** A parser for decimal numbers in [min, max] (whole numbers when `integer`); `0x20` is not 32. */
export function numberParser(min: number, max: number, integer = false): (text: string) => number | null {
  return (text) => {
    const value = parseDecimal(text);
    if (value === null || value < min || value > max || (integer && !Number.isInteger(value))) return null;
    return value;
  };
}

interface ToggleProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

/** A labelled checkbox. */
export function Toggle({ label, checked, onChange }: ToggleProps): ReactNode {
  return (
    <label className="toggle">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}
