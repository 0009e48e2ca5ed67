import { useState } from 'react'
import { Input, TextField, Label } from 'react-aria-components'
import { useI18n } from '../../../../i18n'
import { Button } from '../../../../ui'
import type { Epic } from '../../api/epics/epic-fields'
import type { Sprint } from '../../api/sprints/get-sprints'
import { EpicSelect } from './EpicSelect'
import { SimpleSelect } from './SimpleSelect'
import { MAX_POINTS_LENGTH } from './StoryPointsField'

export interface BulkActions {
  setEpic: (epicId: number) => void
  setPoints: (points: string) => void
  moveTo: (entityId: number) => void
  selectAll: () => void
  clear: () => void
}

interface BulkBarProps {
  count: number
  filteredCount: number
  epics: readonly Epic[]
  sprints: readonly Sprint[]
  backlogId: number
  progress: { done: number; total: number } | null
  actions: BulkActions
}

/** What to do with the selected items; long runs go in batches of 50 and show their progress. */
export function BulkBar({ count, filteredCount, epics, sprints, backlogId, progress, actions }: BulkBarProps) {
  const { t } = useI18n()
  const [epicId, setEpicId] = useState(0)
  const [points, setPoints] = useState('')
  const [target, setTarget] = useState(String(backlogId))
  const busy = progress !== null
  const targets = [
    { id: String(backlogId), name: t('items.bulk.backlog') },
    ...sprints.filter((sprint) => sprint.status !== 'completed').map((sprint) => ({ id: String(sprint.id), name: sprint.name })),
  ]

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
          <EpicSelect epics={epics} value={epicId} onChange={setEpicId} label={t('items.bulk.epic')} showLabel />
          <Button size="s" isPending={busy} onPress={() => actions.setEpic(epicId)}>
            {t('items.bulk.apply')}
          </Button>
        </div>
        <div className="bulk-bar__group">
          <TextField className="ui-field bulk-bar__points" value={points} onChange={setPoints} maxLength={MAX_POINTS_LENGTH}>
            <Label className="ui-field__label">{t('items.bulk.points')}</Label>
            <Input className="ui-field__input" />
          </TextField>
          <Button size="s" isPending={busy} onPress={() => actions.setPoints(points.trim())}>
            {t('items.bulk.apply')}
          </Button>
        </div>
        <div className="bulk-bar__group">
          <SimpleSelect label={t('items.bulk.moveTo')} options={targets} value={target} onChange={setTarget} />
          <Button size="s" isPending={busy} onPress={() => actions.moveTo(Number(target))}>
            {t('items.bulk.move')}
          </Button>
        </div>
      </div>
      {progress && (
        <div className="bulk-bar__progress">
          <progress max={progress.total} value={progress.done} aria-label={t('items.bulk.progress')} />
          <span>{t('items.bulk.progressText', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
    </section>
  )
}
