import { useId } from 'react';
import './native-field.css';

/**
 * A labelled native date, time or datetime-local input. The Suomi.fi components have no
 * datetime input, and the browsers' own pickers suit phones; label, hint and error are tied to
 * the input as the Suomi.fi inputs do it (label for, aria-describedby, aria-invalid).
 */
export function NativeField(props: {
  label: string;
  type: 'date' | 'time' | 'datetime-local';
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  className?: string;
}) {
  const { label, type, value, onChange, hint, error, className } = props;
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return (
    <div className={`native-field${error ? ' native-field--error' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className="native-field__label">
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="native-field__hint">
          {hint}
        </span>
      )}
      <input
        id={id}
        type={type}
        className="native-field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={described.length ? described.join(' ') : undefined}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <span id={`${id}-error`} className="native-field__error">
          {error}
        </span>
      )}
    </div>
  );
}
