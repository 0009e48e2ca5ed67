import { useEffect, useRef, useState } from 'react'
import { Button } from 'react-aria-components/Button'
import { Label } from 'react-aria-components/Label'
import { ListBox, ListBoxItem } from 'react-aria-components/ListBox'
import { Popover } from 'react-aria-components/Popover'
import { Select, SelectValue } from 'react-aria-components/Select'
import type { SelectOption, SimpleSelectProps } from './PickerButton'
import './popover.css'

/**
 * A labelled drop-down of text options: the full picker, loaded by PickerButton when someone opens
 * it. `openOnMount` takes the focus and opens the list at once (it replaces the light button that
 * was just pressed); the focus returns to this button when the list closes.
 */
export default function SimpleSelect({ label, options, value, onChange, hideLabel = false, className, isDisabled, openOnMount = false }: SimpleSelectProps & { openOnMount?: boolean }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!openOnMount) return
    // Focus first, then open: the list gives the focus back to whatever had it when it opened.
    // Again in the next frame: a list whose focused row lost its button takes the focus back to
    // the row in between.
    button.current?.focus()
    const frame = requestAnimationFrame(() => {
      button.current?.focus()
      setOpen(true)
    })
    return () => cancelAnimationFrame(frame)
  }, [openOnMount])
  return (
    <Select
      className={['simple-select', className].filter(Boolean).join(' ')}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      aria-label={hideLabel ? label : undefined}
      isDisabled={isDisabled}
      isOpen={open}
      onOpenChange={setOpen}
    >
      {!hideLabel && <Label className="ui-field__label">{label}</Label>}
      <Button ref={button} className="epic-select__button">
        <SelectValue className="epic-select__value" />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="combo__popover">
        <ListBox className="combo__list" items={options}>
          {(option: SelectOption) => (
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
