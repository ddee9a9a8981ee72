import { useId } from 'react';

/**
 * A labelled native select: short fixed lists in the case bank's filters and editor, where the
 * browser's own picker suits phones best.
 */
export function NativeSelect<T extends string>(props: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="case-select">
      <label htmlFor={id} className="case-select__label">
        {props.label}
      </label>
      <select
        id={id}
        className="case-select__input"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as T)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
