import { useEffect, useRef } from 'react'
import { Popover } from 'react-aria-components/Popover'
import { useButton } from 'react-aria/useButton'
import { useSelect } from 'react-aria/useSelect'
import { Item } from 'react-stately/Item'
import { useSelectState } from 'react-stately/useSelectState'
import { OptionList } from './OptionList'
import type { SelectOption, SimpleSelectProps } from './PickerButton'

/**
 * A labelled drop-down of text options: the full picker, loaded by PickerButton when someone opens
 * it. `openOnMount` takes the focus and opens the list at once (it replaces the light button that
 * was just pressed); the focus returns to this button when the list closes.
 */
export default function SimpleSelect({ label, options, value, onChange, hideLabel = false, className, isDisabled, placeholder, openOnMount = false }: SimpleSelectProps & { openOnMount?: boolean }) {
  const button = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLUListElement>(null)
  const props = {
    label: hideLabel ? undefined : label,
    'aria-label': hideLabel ? label : undefined,
    items: options,
    children: (option: SelectOption) => (
      <Item key={option.id} textValue={option.name}>
        {option.color && <span className="epic-chip__dot" style={{ background: option.color }} aria-hidden="true" />}
        {option.name}
      </Item>
    ),
    selectedKey: value,
    onSelectionChange: (key: string | number | null) => key !== null && onChange(String(key)),
    isDisabled,
  }
  const state = useSelectState(props)
  const { labelProps, triggerProps, valueProps, menuProps } = useSelect(props, state, button)
  const { buttonProps } = useButton(triggerProps, button)
  const { open } = state
  useEffect(() => {
    if (!openOnMount) return
    // Focus first, then open: the list gives the focus back to whatever had it when it opened.
    // Again in the next frame: a list whose focused row lost its button takes the focus back to
    // the row in between.
    button.current?.focus()
    const frame = requestAnimationFrame(() => {
      button.current?.focus()
      open(null)
    })
    return () => cancelAnimationFrame(frame)
    // Once, when the full picker replaces the light button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openOnMount])
  return (
    <div className={['simple-select', className].filter(Boolean).join(' ')} data-disabled={isDisabled || undefined}>
      {!hideLabel && (
        <span {...labelProps} className="ui-field__label">
          {label}
        </span>
      )}
      <button {...buttonProps} ref={button} className="epic-select__button" data-disabled={isDisabled || undefined}>
        <span {...valueProps} className="epic-select__value">
          {state.selectedItem?.rendered ?? <span className="epic-select__placeholder">{placeholder ?? ''}</span>}
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      <Popover
        triggerRef={button}
        scrollRef={list}
        isOpen={state.isOpen}
        onOpenChange={state.setOpen}
        trigger="Select"
        placement="bottom start"
        aria-labelledby={menuProps['aria-labelledby']}
        className="combo__popover"
      >
        <OptionList state={state} listProps={menuProps} listRef={list} />
      </Popover>
    </div>
  )
}
