import { useI18n } from '@/i18n'
import type { EpicCatalogue } from '@/lib/epics/epic-fields'
import { PickerButton } from '@/ui/PickerButton'

interface EpicSelectProps {
  catalogue: EpicCatalogue
  value: number
  onChange: (epicId: number) => void
  label: string
  showLabel?: boolean
  className?: string
  isDisabled?: boolean
  /** With -1 as the value: nothing chosen yet, this is shown instead. */
  placeholder?: string
}

/**
 * Choose an epic, or none. An epic id the team's list does not hold is "deleted" only when the
 * portal said so; while the epics are loading or failed to load it is just its number, and
 * nothing can be chosen.
 */
export function EpicSelect({ catalogue, value, onChange, label, showLabel = false, className, isDisabled = false, placeholder }: EpicSelectProps) {
  const { t } = useI18n()
  const known = value === 0 || (placeholder !== undefined && value === -1) || catalogue.epics.some((epic) => epic.id === value)
  const unknownName = catalogue.deleted.has(value) ? t('items.epic.deleted', { id: String(value) }) : t('items.epic.unknown', { id: String(value) })
  const options = [
    { id: '0', name: t('items.epic.none') },
    ...(known ? [] : [{ id: String(value), name: unknownName }]),
    ...catalogue.epics.map((epic) => ({ id: String(epic.id), name: epic.name, color: epic.color })),
  ]
  return (
    <PickerButton
      className={['epic-select', className].filter(Boolean).join(' ')}
      label={label}
      hideLabel={!showLabel}
      options={options}
      value={String(value)}
      placeholder={placeholder}
      isDisabled={isDisabled || catalogue.status !== 'ready'}
      onChange={(id) => onChange(Number(id))}
    />
  )
}
