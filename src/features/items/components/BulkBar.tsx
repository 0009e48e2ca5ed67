import { useState } from 'react'
import { useI18n } from '@/i18n'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import type { EpicCatalogue } from '@/lib/epics/epic-fields'
import { checkPoints, formatPoints, scaleListId, scaleValues, type Scale } from '@/lib/estimation/scale'
import type { ItemContainer } from '@/lib/items/item-fields'
import { EpicSelect } from '@/components/EpicSelect'
import { PickerButton } from '@/ui/PickerButton'
import { BulkConfirmDialog } from './BulkConfirmDialog'
import './bulk-bar.css'

/** A change of more items than this asks first, naming the count and the value. */
const CONFIRM_OVER = 20

export interface BulkActions {
  setEpic: (epicId: number) => unknown
  setPoints: (points: string) => unknown
  moveTo: (entityId: number) => unknown
  selectAll: () => void
  clear: () => void
}

interface BulkBarProps {
  count: number
  filteredCount: number
  epics: EpicCatalogue
  /** The team's estimation scale: what the points field takes and offers. */
  scale: Scale
  groupId: number
  /** Where the selection can go: the backlog and sprints that are not completed. */
  containers: readonly ItemContainer[]
  progress: { done: number; total: number } | null
  actions: BulkActions
}

/** What to do with the selected items; long runs go in batches of 50 and show their progress. */
export function BulkBar({ count, filteredCount, epics, scale, groupId, containers, progress, actions }: BulkBarProps) {
  const { t, locale } = useI18n()
  // Nothing is chosen at first: Apply waits for a choice, so one click never clears the selection's epics.
  const [epicId, setEpicId] = useState(-1)
  const [points, setPoints] = useState('')
  const [pointsError, setPointsError] = useState<string | undefined>()
  const targets = containers
    .filter((container) => !container.readOnly)
    .map((container) => ({ id: String(container.id), name: container.kind === 'backlog' ? t('items.bulk.backlog') : container.name }))
  const [target, setTarget] = useState('')
  const [confirming, setConfirming] = useState<{ what: string; run: () => unknown } | null>(null)
  const busy = progress !== null
  const ask = (what: string, run: () => unknown) => (count > CONFIRM_OVER ? setConfirming({ what, run }) : void run())
  const epicName = (id: number) => (id === 0 ? t('items.epic.none') : (epics.epics.find((epic) => epic.id === id)?.name ?? String(id)))

  return (
    <section className="bulk-bar" aria-label={t('items.bulk.label')}>
      <p className="bulk-bar__count" role="status">
        {t('items.bulk.selected', { count })}
        {count < filteredCount && (
          <button type="button" className="link-button" onClick={actions.selectAll}>
            {t('items.bulk.selectAll', { count: filteredCount })}
          </button>
        )}
        <button type="button" className="link-button" onClick={actions.clear}>
          {t('items.bulk.clear')}
        </button>
      </p>
      <div className="bulk-bar__actions">
        <div className="bulk-bar__group">
          <EpicSelect catalogue={epics} value={epicId} onChange={setEpicId} label={t('items.bulk.epic')} showLabel placeholder={t('items.bulk.choose')} />
          <Button size="s" isPending={busy} isDisabled={epicId < 0} onPress={() => ask(t('items.bulk.confirmEpic', { count, epic: epicName(epicId) }), () => actions.setEpic(epicId))}>
            {t('items.bulk.apply')}
          </Button>
        </div>
        <div className="bulk-bar__group">
          <Field
            className="bulk-bar__points"
            label={t('items.bulk.points')}
            value={points}
            onChange={(next) => {
              setPoints(next)
              if (pointsError && checkPoints(next, scale).ok) setPointsError(undefined)
            }}
            errorMessage={pointsError}
            list={scaleValues(scale).length > 0 ? scaleListId(groupId) : undefined}
          />
          <Button
            size="s"
            isPending={busy}
            isDisabled={points.trim() === ''}
            onPress={() => {
              const check = checkPoints(points, scale)
              if (!check.ok) return setPointsError(t(check.message.key, check.message.vars))
              ask(t('items.bulk.confirmPoints', { count, points: formatPoints(check.value, locale) }), () => actions.setPoints(check.value))
            }}
          >
            {t('items.bulk.apply')}
          </Button>
        </div>
        <div className="bulk-bar__group">
          <PickerButton label={t('items.bulk.moveTo')} options={targets} value={target} onChange={setTarget} placeholder={t('items.bulk.choose')} />
          <Button size="s" isPending={busy} isDisabled={target === ''} onPress={() => ask(t('items.bulk.confirmMove', { count, where: targets.find((option) => option.id === target)?.name ?? '' }), () => actions.moveTo(Number(target)))}>
            {t('items.bulk.move')}
          </Button>
        </div>
      </div>
      {confirming && (
        <BulkConfirmDialog
          count={count}
          what={confirming.what}
          onConfirm={() => {
            setConfirming(null)
            confirming.run()
          }}
          onCancel={() => setConfirming(null)}
        />
      )}
      {progress && (
        <div className="bulk-bar__progress">
          <progress max={progress.total} value={progress.done} aria-label={t('items.bulk.progress')} />
          <span>{t('items.bulk.progressText', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
    </section>
  )
}
