import { useI18n } from '../../../../i18n'
import type { Epic } from '../../api/epics/epic-fields'
import { SimpleSelect } from './SimpleSelect'

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
    { id: '0', name: t('items.epic.none') },
    ...(known ? [] : [{ id: String(value), name: t('items.epic.deleted', { id: value }) }]),
    ...epics.map((epic) => ({ id: String(epic.id), name: epic.name, color: epic.color })),
  ]
  return (
    <SimpleSelect
      className={['epic-select', className].filter(Boolean).join(' ')}
      label={label}
      hideLabel={!showLabel}
      options={options}
      value={String(value)}
      onChange={(id) => onChange(Number(id))}
    />
  )
}
