import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components'

interface SimpleSelectProps {
  label: string
  options: readonly { id: string; name: string }[]
  value: string
  onChange: (id: string) => void
  className?: string
}

/** A labelled drop-down of plain text options. */
export function SimpleSelect({ label, options, value, onChange, className }: SimpleSelectProps) {
  return (
    <Select
      className={['simple-select', className].filter(Boolean).join(' ')}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
    >
      <Label className="ui-field__label">{label}</Label>
      <Button className="epic-select__button">
        <SelectValue className="epic-select__value" />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="combo__popover">
        <ListBox className="combo__list" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.name} className="combo__option">
              {option.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  )
}
