import { Button, ListBox, ListBoxItem, Popover, Select, SelectValue, Label } from 'react-aria-components'
import { useI18n } from '../../../../i18n'
import type { Epic } from '../../api/epics/epic-fields'

interface EpicSelectProps {
  epics: readonly Epic[]
  value: number
  onChange: (epicId: number) => void
  label: string
  showLabel?: boolean
  className?: string
}

/** Choose an epic, or none. An epic id the list does not know (a deleted epic) is shown as such. */
export function EpicSelect({ epics, value, onChange, label, showLabel = false, className }: EpicSelectProps) {
  const { t } = useI18n()
  const known = value === 0 || epics.some((epic) => epic.id === value)
  const options = [
    { id: 0, name: t('items.epic.none'), color: '' },
    ...(known ? [] : [{ id: value, name: t('items.epic.deleted', { id: value }), color: '' }]),
    ...epics,
  ]
  return (
    <Select
      className={['epic-select', className].filter(Boolean).join(' ')}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(Number(key))}
      aria-label={showLabel ? undefined : label}
    >
      {showLabel && <Label className="ui-field__label">{label}</Label>}
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
