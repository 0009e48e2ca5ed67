import { useId } from 'react'
import './ui.css'

interface SearchInputProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  className?: string
}

/**
 * A labelled native search field: light (it is on the first screens) and familiar. Escape clears
 * it, as the browser's own clear button does.
 */
export function SearchInput({ label, value, onChange, placeholder, className }: SearchInputProps) {
  const id = useId()
  return (
    <div className={className}>
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="ui-field__input"
        placeholder={placeholder}
        value={value}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault()
            onChange('')
          }
        }}
      />
    </div>
  )
}
