import { useRef, useState } from 'react'
import { Popover } from 'react-aria-components/Popover'
import { useButton } from 'react-aria/useButton'
import { useComboBox } from 'react-aria/useComboBox'
import { Item } from 'react-stately/Item'
import { useComboBoxState } from 'react-stately/useComboBoxState'
import { usePortal } from '@/lib/portal-context'
import type { Group } from '@/lib/groups/workgroup-fields'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import { useI18n } from '@/i18n'
import { OptionList } from '@/ui/OptionList'
import { useScrumGroupSearch } from '../api/search-scrum-groups'

interface GroupFieldProps {
  label: string
  value: Pick<Group, 'id' | 'name'>
  onChange: (group: Pick<Group, 'id' | 'name'>) => void
  errorMessage?: string
  isDisabled?: boolean
  /** Replaces the usual hint (for example: why the team cannot be changed). */
  hint?: string
}

/** Choose a scrum team by typing part of its name (searched on the portal). */
export function GroupField({ label, value, onChange, errorMessage, isDisabled, hint }: GroupFieldProps) {
  const { t } = useI18n()
  const portal = usePortal()
  const [input, setInput] = useState(value.name)
  const [open, setOpen] = useState(false)
  const search = useDebouncedValue(input === value.name ? '' : input.trim(), 300)
  const groups = useScrumGroupSearch(search, portal.origin, portal.isAdmin, open)
  const items = groups.data ?? []

  const field = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const listBoxRef = useRef<HTMLUListElement>(null)
  const popoverRef = useRef<HTMLElement>(null)
  const props = {
    label,
    description: hint ?? t('backlog.edit.groupHint'),
    errorMessage,
    isInvalid: Boolean(errorMessage),
    isDisabled,
    items,
    children: (group: Group) => <Item key={group.id} textValue={group.name}>{group.name}</Item>,
    inputValue: input,
    onInputChange: setInput,
    selectedKey: String(value.id),
    onSelectionChange: (key: string | number | null) => {
      const group = items.find((item) => String(item.id) === String(key))
      if (!group) return
      onChange({ id: group.id, name: group.name })
      setInput(group.name)
    },
    onOpenChange: setOpen,
    allowsEmptyCollection: true,
    menuTrigger: 'focus' as const,
  }
  const state = useComboBoxState(props)
  const { labelProps, inputProps, buttonProps: triggerProps, listBoxProps, descriptionProps, errorMessageProps } = useComboBox(
    { ...props, inputRef, buttonRef, listBoxRef, popoverRef },
    state,
  )
  const { buttonProps } = useButton(triggerProps, buttonRef)

  return (
    <div className="ui-field">
      <label {...labelProps} className="ui-field__label">
        {label}
      </label>
      <div className="combo" ref={field}>
        <input {...inputProps} ref={inputRef} className="ui-field__input combo__input" />
        <button {...buttonProps} ref={buttonRef} className="combo__button" aria-label={t('backlog.edit.showGroups')}>
          ▾
        </button>
      </div>
      <span {...descriptionProps} className="ui-field__description">
        {props.description}
      </span>
      {errorMessage && (
        <span {...errorMessageProps} className="ui-field__error">
          {errorMessage}
        </span>
      )}
      <Popover
        ref={popoverRef}
        triggerRef={field}
        scrollRef={listBoxRef}
        isOpen={state.isOpen}
        onOpenChange={(isOpen) => !isOpen && state.close()}
        isNonModal
        trigger="ComboBox"
        placement="bottom start"
        className="combo__popover"
      >
        <OptionList state={state} listProps={listBoxProps} listRef={listBoxRef} empty={t('groups.empty')} />
      </Popover>
    </div>
  )
}
