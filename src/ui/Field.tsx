import { useId } from 'react'
import './ui.css'

export interface FieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  description?: string
  /** A message shown at the field (validation or a server refusal that concerns it). */
  errorMessage?: string
  isInvalid?: boolean
  placeholder?: string
  autoFocus?: boolean
  className?: string
  /** The id of a <datalist> whose values the field offers. */
  list?: string
}

/**
 * A labelled text field with its hint and its error, tied to the input for screen readers. Plain
 * HTML: it is on the first screen (quick add), where every kilobyte counts.
 */
export function Field({ label, value, onChange, description, errorMessage, isInvalid, placeholder, autoFocus, className, list }: FieldProps) {
  const id = useId()
  const invalid = isInvalid ?? Boolean(errorMessage)
  const describedBy = [description ? `${id}-hint` : '', invalid && errorMessage ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className={['ui-field', className].filter(Boolean).join(' ')} data-invalid={invalid || undefined}>
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="ui-field__input"
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        list={list}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        // The dialogs that open with their first field focused ask for it; nothing else does.
        autoFocus={autoFocus}
      />
      {description && (
        <span id={`${id}-hint`} className="ui-field__description">
          {description}
        </span>
      )}
      {invalid && errorMessage && (
        <span id={`${id}-error`} className="ui-field__error">
          {errorMessage}
        </span>
      )}
    </div>
  )
}
