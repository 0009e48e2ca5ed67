import { Button as RemoveButton } from 'react-aria-components/Button'
import { useI18n } from '@/i18n'
import { useItemFilterActions, useItemFilters, type ItemFilters } from '@/stores/item-filters'
import type { Epic } from '@/lib/epics/epic-fields'
import type { Person } from '@/lib/items/item-fields'
import { Check } from '@/ui/Check'
import { PickerButton } from '@/ui/PickerButton'
import { SearchInput } from '@/ui/SearchInput'

interface FilterBarProps {
  groupId: number
  epics: readonly Epic[]
  people: readonly Person[]
}

/** Search and filters; each active one shows as a chip that removes it. */
export function FilterBar({ groupId, epics, people }: FilterBarProps) {
  const { t } = useI18n()
  const filters = useItemFilters(groupId)
  const actions = useItemFilterActions()
  const filterChanged = (change: Partial<ItemFilters>) => actions.filterChanged(groupId, change)
  const filterRemoved = (name: keyof ItemFilters) => actions.filterRemoved(groupId, name)
  const filtersCleared = actions.filtersCleared

  const epicOptions = [
    { id: '', name: t('items.filter.anyEpic') },
    { id: 'none', name: t('items.filter.noEpic') },
    ...epics.map((epic) => ({ id: String(epic.id), name: epic.name })),
  ]
  const peopleOptions = [{ id: '', name: t('items.filter.anyone') }, ...people.map((p) => ({ id: String(p.id), name: p.name }))]

  const chips: { key: keyof ItemFilters; label: string }[] = []
  if (filters.text) chips.push({ key: 'text', label: t('items.chip.text', { text: filters.text }) })
  if (filters.epic === 'none') chips.push({ key: 'epic', label: t('items.filter.noEpic') })
  else if (filters.epic !== null)
    chips.push({ key: 'epic', label: t('items.chip.epic', { name: epics.find((e) => e.id === filters.epic)?.name ?? `#${filters.epic}` }) })
  if (filters.responsibleId !== null)
    chips.push({
      key: 'responsibleId',
      label: t('items.chip.person', { name: people.find((p) => p.id === filters.responsibleId)?.name ?? `#${filters.responsibleId}` }),
    })
  if (filters.noPoints) chips.push({ key: 'noPoints', label: t('items.filter.noPoints') })

  return (
    <div className="filter-bar">
      <div className="filter-bar__controls">
        <SearchInput className="filter-search" label={t('items.filter.search')} value={filters.text} onChange={(text) => filterChanged({ text })} />
        <PickerButton
          label={t('items.filter.epic')}
          options={epicOptions}
          value={filters.epic === null ? '' : String(filters.epic)}
          onChange={(id) => filterChanged({ epic: id === '' ? null : id === 'none' ? 'none' : Number(id) })}
        />
        <PickerButton
          label={t('items.filter.person')}
          options={peopleOptions}
          value={filters.responsibleId === null ? '' : String(filters.responsibleId)}
          onChange={(id) => filterChanged({ responsibleId: id === '' ? null : Number(id) })}
        />
        <Check checked={filters.noPoints} onChange={(noPoints) => filterChanged({ noPoints })}>
          {t('items.filter.noPoints')}
        </Check>
      </div>
      {chips.length > 0 && (
        <ul className="filter-chips__list" aria-label={t('items.filter.active')}>
          {chips.map((chip) => (
            <li key={chip.key} className="filter-chip">
              {chip.label}
              <RemoveButton className="filter-chip__remove" aria-label={t('items.chip.remove', { label: chip.label })} onPress={() => filterRemoved(chip.key)}>
                ×
              </RemoveButton>
            </li>
          ))}
        </ul>
      )}
      {chips.length > 1 && (
        <button type="button" className="link-button" onClick={filtersCleared}>
          {t('items.filter.clear')}
        </button>
      )}
    </div>
  )
}
