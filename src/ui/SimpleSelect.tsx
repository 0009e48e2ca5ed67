import { Button } from 'react-aria-components/Button'
import { Label } from 'react-aria-components/Label'
import { ListBox, ListBoxItem } from 'react-aria-components/ListBox'
import { Popover } from 'react-aria-components/Popover'
import { Select, SelectValue } from 'react-aria-components/Select'

export interface SelectOption {
  id: string
  name: string
  /** A colour dot before the name (epics). */
  color?: string
}

interface SimpleSelectProps {
  label: string
  options: readonly SelectOption[]
  value: string
  onChange: (id: string) => void
  /** Say the label to screen readers only (a select inside a list row). */
  hideLabel?: boolean
  className?: string
  isDisabled?: boolean
}

/** A labelled drop-down of text options. */
export function SimpleSelect({ label, options, value, onChange, hideLabel = false, className, isDisabled }: SimpleSelectProps) {
  return (
    <Select
      className={['simple-select', className].filter(Boolean).join(' ')}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      aria-label={hideLabel ? label : undefined}
      isDisabled={isDisabled}
    >
      {!hideLabel && <Label className="ui-field__label">{label}</Label>}
      <Button className="epic-select__button">
        <SelectValue className="epic-select__value" />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="combo__popover">
        <ListBox className="combo__list" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.name} className="combo__option">
              {option.color && <span className="epic-chip__dot" style={{ background: option.color }} aria-hidden="true" />}
              {option.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  )
}
