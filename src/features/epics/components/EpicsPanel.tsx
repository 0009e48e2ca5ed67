import { Suspense, useState } from 'react'
import { useI18n } from '@/i18n'
import { Button } from '@/ui/Button'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { Notice } from '@/ui/Notice'
import type { Epic, EpicCatalogue } from '@/lib/epics/epic-fields'
import { sumStoryPoints, type BacklogItem } from '@/lib/items/item-fields'
import type { Scale } from '@/lib/estimation/scale'
import { useItemChanges, type ChangeReport } from '@/lib/items/change-items'
import { useEpicDetachSupport } from '@/lib/items/epic-detach'
import { lazyComponent, usePreloadWhenIdle } from '@/lib/lazy-component'
import { DONE } from '@/lib/sprints/sprint-stats'
import { useItemFilterActions, useItemFilters } from '@/stores/item-filters'
import './epics-panel.css'

const EpicDialog = lazyComponent(() => import('./EpicDialogs').then((module) => module.EpicDialog))
const DeleteEpicDialog = lazyComponent(() => import('./EpicDialogs').then((module) => module.DeleteEpicDialog))

interface EpicsPanelProps {
  groupId: number
  catalogue: EpicCatalogue
  /** The team's estimation scale: what each item's points count for. */
  scale: Scale
  items: readonly BacklogItem[]
  /** What detaching items from an epic did, item by item. */
  onDetached: (report: ChangeReport, success?: string) => void
}

type Editing = { mode: 'create' } | { mode: 'edit'; epic: Epic } | { mode: 'delete'; epic: Epic } | null

/** The scrum's epics with their colour, item count and points; create, edit, delete. */
export function EpicsPanel({ groupId, catalogue, scale, items, onDetached }: EpicsPanelProps) {
  const { t } = useI18n()
  const change = useItemChanges(groupId)
  const [editing, setEditing] = useState<Editing>(null)
  const [detaching, setDetaching] = useState(false)
  const detachSupport = useEpicDetachSupport()
  const own = catalogue.epics.filter((epic) => epic.groupId === groupId)
  const filters = useItemFilters(groupId)
  const { filterChanged } = useItemFilterActions()
  usePreloadWhenIdle(catalogue.status === 'ready', [EpicDialog])

  const detachDangling = () => {
    if (detaching) return
    setDetaching(true)
    const count = catalogue.dangling.length
    void change(catalogue.dangling.map((item) => ({ taskId: item.taskId, fields: { epicId: 0 } })))
      .then((report) => onDetached(report, t('epics.detached', { count })))
      .finally(() => setDetaching(false))
  }

  return (
    <section className="epics-panel" aria-labelledby="epics-title">
      <div className="epics-panel__header">
        <h3 id="epics-title">{t('epics.title')}</h3>
        <Button size="s" onPress={() => setEditing({ mode: 'create' })}>
          {t('epics.new')}
        </Button>
      </div>
      {catalogue.status === 'error' ? (
        <ErrorNotice error={catalogue.error} title={t('epics.loadFailed')} onRetry={catalogue.retry} />
      ) : catalogue.status === 'loading' ? (
        <p className="muted" role="status">
          {t('epics.loading')}
        </p>
      ) : own.length === 0 ? (
        <p className="muted">{t('epics.empty')}</p>
      ) : (
        <ul className="epics-list">
          {own.map((epic) => {
            const marked = items.filter((item) => item.epicId === epic.id)
            const done = marked.filter((item) => item.status === DONE)
            const points = sumStoryPoints(marked, scale)
            const donePoints = sumStoryPoints(done, scale)
            const shown = filters.epic === epic.id
            return (
              <li key={epic.id} className="epics-list__item" data-filtered={shown || undefined}>
                <span className="epic-chip__dot epic-chip__dot--big" style={{ background: epic.color }} aria-hidden="true" />
                <span className="epics-list__main">
                  {/* Shows only this epic's items (and again, all of them). */}
                  <button
                    type="button"
                    className="epics-list__name"
                    aria-pressed={shown}
                    title={shown ? t('epics.showAll') : t('epics.showOnly', { name: epic.name })}
                    onClick={() => filterChanged(groupId, { epic: shown ? null : epic.id })}
                  >
                    {epic.name}
                  </button>
                  <span className="epics-list__meta">
                    {marked.length === 0 ? (
                      t('epics.panelNoItems')
                    ) : (
                      <>
                        {t('epics.progress', { done: done.length, count: marked.length })} ·{' '}
                        {points.total === 0 && points.unsummable > 0
                          ? t('epics.pointsNotNumbers', { count: points.unsummable })
                          : t('epics.pointsProgress', { done: donePoints.total, points: points.total })}
                      </>
                    )}
                  </span>
                </span>
                <Button size="s" variant="ghost" onPress={() => setEditing({ mode: 'edit', epic })} aria-label={t('epics.editNamed', { name: epic.name })}>
                  {t('epics.edit')}
                </Button>
                <Button size="s" variant="ghost" onPress={() => setEditing({ mode: 'delete', epic })} aria-label={t('epics.deleteNamed', { name: epic.name })}>
                  {t('epics.delete')}
                </Button>
              </li>
            )
          })}
        </ul>
      )}
      {catalogue.dangling.length > 0 && (
        <Notice
          tone="warning"
          title={t('epics.danglingTitle', { count: catalogue.dangling.length })}
          actions={
            detachSupport === 'refused'
              ? []
              : [{ label: t('epics.detachDangling', { count: catalogue.dangling.length }), onPress: detachDangling, isPending: detaching }]
          }
        >
          <p className="ui-alert__text">{t('epics.danglingWhy')}</p>
          {detachSupport === 'refused' && <p className="ui-alert__text">{t('epics.detachRefused')}</p>}
        </Notice>
      )}
      <Suspense fallback={null}>
        {(editing?.mode === 'create' || editing?.mode === 'edit') && (
          <EpicDialog
            groupId={groupId}
            epic={editing.mode === 'edit' ? editing.epic : null}
            usedColors={own.map((epic) => epic.color)}
            onClose={() => setEditing(null)}
          />
        )}
        {editing?.mode === 'delete' && (
          <DeleteEpicDialog
            epic={editing.epic}
            attached={items.filter((item) => item.epicId === editing.epic.id).length}
            onClose={() => setEditing(null)}
            onDetached={onDetached}
          />
        )}
      </Suspense>
    </section>
  )
}
