import { useState } from 'react'
import { Button as AriaButton } from 'react-aria-components/Button'
import { ComboBox } from 'react-aria-components/ComboBox'
import { FieldError } from 'react-aria-components/FieldError'
import { Input } from 'react-aria-components/Input'
import { Label } from 'react-aria-components/Label'
import { ListBox, ListBoxItem } from 'react-aria-components/ListBox'
import { Popover } from 'react-aria-components/Popover'
import { Text } from 'react-aria-components/Text'
import { usePortal } from '@/lib/portal-context'
import type { Group } from '@/lib/groups/workgroup-fields'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import { useI18n } from '@/i18n'
import { useScrumGroupSearch } from '../api/search-scrum-groups'
import '@/ui/popover.css'

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

  return (
    <ComboBox
      className="ui-field"
      inputValue={input}
      onInputChange={setInput}
      selectedKey={value.id}
      onOpenChange={setOpen}
      onSelectionChange={(key) => {
        const group = items.find((item) => item.id === Number(key))
        if (!group) return
        onChange({ id: group.id, name: group.name })
        setInput(group.name)
      }}
      items={items}
      isInvalid={Boolean(errorMessage)}
      isDisabled={isDisabled}
      allowsEmptyCollection
      menuTrigger="focus"
    >
      <Label className="ui-field__label">{label}</Label>
      <div className="combo">
        <Input className="ui-field__input combo__input" />
        <AriaButton className="combo__button" aria-label={t('backlog.edit.showGroups')}>
          ▾
        </AriaButton>
      </div>
      <Text slot="description" className="ui-field__description">
        {hint ?? t('backlog.edit.groupHint')}
      </Text>
      <FieldError className="ui-field__error">{errorMessage}</FieldError>
      <Popover className="combo__popover">
        <ListBox className="combo__list" renderEmptyState={() => <p className="combo__empty">{t('groups.empty')}</p>}>
          {(group: Group) => (
            <ListBoxItem id={group.id} textValue={group.name} className="combo__option">
              {group.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  )
}
