import { useId, type ComponentType } from 'react'
import { deferredModule, useOnDemand } from '@/lib/lazy-component'
import { PlainButton } from './PlainButton'

export interface SelectOption {
  id: string
  name: string
  /** A colour dot before the name (epics). */
  color?: string
}

export interface SimpleSelectProps {
  label: string
  options: readonly SelectOption[]
  value: string
  onChange: (id: string) => void
  /** Say the label to screen readers only (a select inside a list row). */
  hideLabel?: boolean
  className?: string
  isDisabled?: boolean
  /** Shown while no option is chosen (a value that is not among the options). */
  placeholder?: string
}

const fullSelect = deferredModule<{ default: ComponentType<SimpleSelectProps & { openOnMount?: boolean }> }>(() => import('./SimpleSelect'))

/**
 * A drop-down that costs a button until someone opens it: a list of hundreds of rows, each with an
 * epic picker, renders and downloads only the buttons. Pressing it loads the full picker (a list
 * box in a popover), which takes its place, the focus and opens; it stays for as long as the row does.
 */
export function PickerButton(props: SimpleSelectProps) {
  const { label, options, value, hideLabel = false, className, isDisabled, placeholder } = props
  const { Full, opening, open, preload } = useOnDemand(fullSelect)
  const id = useId()
  const chosen = options.find((option) => option.id === value)
  const light = (
    // data-opening: a list around it waits before rebuilding its rows (drag and drop arriving).
    <div className={['simple-select', className].filter(Boolean).join(' ')} data-disabled={isDisabled || undefined} data-opening={opening || undefined}>
      {!hideLabel && (
        <span className="ui-field__label" id={`${id}-label`}>
          {label}
        </span>
      )}
      {/* A native button: a list shows one in every row, and React Aria's follows every change of
          the input modality (a key pressed after a click redraws each of them). */}
      <PlainButton
        className="epic-select__button"
        disabled={isDisabled}
        data-disabled={isDisabled || undefined}
        aria-haspopup="listbox"
        aria-labelledby={hideLabel ? `${id}-value ${id}-hidden` : `${id}-value ${id}-label`}
        onPress={open}
        // A labelled drop-down also opens with the arrow keys, as a select does; one inside a list
        // row leaves them to the list, whose rows they move between.
        onKeyDown={(event) => {
          if (!hideLabel && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault()
            open()
          }
        }}
        // Pointing at it or tabbing to it fetches the code, so that it is here when pressed.
        onPointerEnter={preload}
        onFocus={preload}
      >
        <span className="epic-select__value" id={`${id}-value`}>
          {chosen?.color && <span className="epic-chip__dot" style={{ background: chosen.color }} aria-hidden="true" />}
          {chosen?.name ?? <span className="epic-select__placeholder">{placeholder ?? ''}</span>}
        </span>
        {hideLabel && (
          <span id={`${id}-hidden`} hidden>
            {label}
          </span>
        )}
        <span aria-hidden="true">▾</span>
      </PlainButton>
    </div>
  )
  return Full ? <Full {...props} openOnMount /> : light
}
