import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Selection } from 'react-aria-components'
import { openInPortalSlider } from '@/bitrix'
import { usePortal } from '@/lib/portal-context'
import { useI18n } from '@/i18n'
import { isReorderable, useItemFilters } from '@/stores/item-filters'
import { ErrorNotice, notify } from '@/ui'
import { useEpicCatalogue } from '@/features/epics/api/use-epic-catalogue'
import { filterItems, reorder, type ReorderTarget } from '@/features/items/api/filter-items'
import { useItems } from '@/features/items/api/get-items'
import { byBacklogOrder, sumStoryPoints, type BacklogItem, type Person } from '@/lib/items/item-fields'
import { useReorderItems } from '@/features/items/api/reorder-items'
import { retryChanges, useItemChanges, type ChangeReport, type ItemChange, type ItemFields } from '@/lib/items/change-items'
import { useSprints } from '@/features/sprints/api/get-sprints'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import { BulkBar } from '@/features/items/components/BulkBar'
import { ChangeReportNotice } from '@/features/items/components/ChangeReportNotice'
import { EpicsPanel } from '@/features/epics/components/EpicsPanel'
import { FilterBar } from '@/features/items/components/FilterBar'
import type { ItemRowActions, MoveTarget } from '@/features/items/components/ItemRow'
import { ItemsList } from '@/features/items/components/ItemsList'
import { QuickAdd } from '@/features/items/components/QuickAdd'
import '@/features/items/components/items.css'

const NO_SPRINTS: readonly Sprint[] = []

/** Everything in the backlog (and the scrum's sprints): list, quick add, filters, bulk actions, epics. */
export function ItemsPanel({ groupId, backlogId }: { groupId: number; backlogId: number }) {
  const { t } = useI18n()
  const portal = usePortal()
  const items = useItems(groupId, portal.origin)
  const epics = useEpicCatalogue(groupId, items.data)
  const sprints = useSprints(groupId)
  const filters = useItemFilters(groupId)
  const change = useItemChanges(groupId)
  const reorderItems = useReorderItems()
  const [selection, setSelection] = useState<Selection>(new Set())
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [report, setReport] = useState<ChangeReport | null>(null)
  const [retrying, setRetrying] = useState(false)
  const [reorderError, setReorderError] = useState<unknown>(null)
  // Said to screen readers after a move: the list itself only changes order silently.
  const [announcement, setAnnouncement] = useState('')

  const all = useMemo(() => [...(items.data ?? [])].sort(byBacklogOrder), [items.data])
  const backlogItems = useMemo(() => all.filter((item) => item.entityId === backlogId), [all, backlogId])
  const shown = useMemo(() => filterItems(all, filters, backlogId), [all, filters, backlogId])
  const reorderable = isReorderable(filters)
  const people = useMemo(() => {
    const byId = new Map<number, Person>()
    for (const item of all) if (item.responsible) byId.set(item.responsible.id, item.responsible)
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
  }, [all])
  const selectedIds = useMemo(() => {
    const visible = new Set(shown.map((item) => item.taskId))
    return selection === 'all' ? [...visible] : [...selection].map(Number).filter((id) => visible.has(id))
  }, [selection, shown])

  /** What the portal kept: success in a toast, anything else where the list is, until dealt with. */
  const settle = (result: ChangeReport, success?: string) => {
    const clean = result.failed.length === 0 && result.gone.length === 0 && result.unconfirmed.length === 0
    setReport(clean ? null : result)
    if (clean && success) notify({ tone: 'success', title: success })
    // After a partial bulk change the selection is what still needs doing.
    if (result.total > 1 && result.failed.length > 0) setSelection(new Set(result.failed.map((failure) => failure.change.taskId)))
  }

  const send = (changes: ItemChange[], success?: string) => {
    if (changes.length === 0) return Promise.resolve()
    const long = changes.length > 50
    if (long) setProgress({ done: 0, total: changes.length })
    return change(changes, { onProgress: long ? (done, total) => setProgress({ done, total }) : undefined })
      .then((result) => settle(result, success))
      .finally(() => setProgress(null))
  }
  const each = (ids: readonly number[], fields: ItemFields): ItemChange[] => ids.map((taskId) => ({ taskId, fields }))

  /** Into a sprint or back to the backlog: at the end of it, in the order they are shown. */
  const moveTo = (ids: readonly number[], entityId: number): ItemChange[] => {
    let last = Math.max(0, ...all.filter((item) => item.entityId === entityId).map((item) => item.sort))
    return ids.map((taskId) => ({ taskId, fields: { entityId, sort: ++last } }))
  }

  const runReorder = (moved: number[], target: ReorderTarget, announce?: BacklogItem) => {
    setReorderError(null)
    if (announce) {
      const changes = reorder(backlogItems, moved, target)
      const position = changes.find((change) => change.taskId === announce.taskId)?.sort
      if (position) setAnnouncement(t('items.movedTo', { title: announce.title, position, total: backlogItems.length }))
    }
    reorderItems({ groupId, backlogId, portalOrigin: portal.origin, moved, target })
      .then((result) => {
        settle(result)
        if (result.refreshed) notify({ tone: 'info', title: t('items.reorder.refreshed') })
      })
      .catch((error: unknown) => setReorderError(error))
  }

  const move = (item: BacklogItem, target: MoveTarget) => {
    const index = backlogItems.findIndex((candidate) => candidate.taskId === item.taskId)
    if (index < 0) return
    if (target === 'top' || target === 'bottom') return runReorder([item.taskId], target, item)
    const neighbour = backlogItems[target === 'up' ? index - 1 : index + 1]
    if (!neighbour) return
    runReorder([item.taskId], { taskId: neighbour.taskId, position: target === 'up' ? 'before' : 'after' }, item)
  }

  const currentActions: ItemRowActions = {
    setPoints: (item, points) => void send([{ taskId: item.taskId, fields: { storyPoints: points } }]),
    setEpic: (item, epicId) => void send([{ taskId: item.taskId, fields: { epicId } }]),
    move,
    moveTo: (item, entityId) => void send(moveTo([item.taskId], entityId), t('items.moved', { count: 1 })),
    open: (item) => void openInPortalSlider(`/workgroups/group/${groupId}/tasks/task/view/${item.taskId}/`),
  }
  // Rows are drawn once and kept by the list: they get actions that never change identity and
  // always run with this render's data.
  const latestActions = useRef(currentActions)
  useLayoutEffect(() => {
    latestActions.current = currentActions
  })
  const rowActions = useMemo<ItemRowActions>(
    () => ({
      setPoints: (item, points) => latestActions.current.setPoints(item, points),
      setEpic: (item, epicId) => latestActions.current.setEpic(item, epicId),
      move: (item, target) => latestActions.current.move(item, target),
      moveTo: (item, entityId) => latestActions.current.moveTo(item, entityId),
      open: (item) => latestActions.current.open(item),
    }),
    [],
  )

  if (items.isPending) {
    return (
      <p role="status" className="items-loading">
        {t('items.loading')}
      </p>
    )
  }
  if (items.isError) return <ErrorNotice error={items.error} title={t('items.loadFailed')} onRetry={() => void items.refetch()} />

  const sprintList = sprints.data ?? NO_SPRINTS
  const totals = sumStoryPoints(shown)
  return (
    <div className="items-layout">
      <section className="items-panel" aria-labelledby="items-title">
        <h3 id="items-title">{t('items.title')}</h3>
        {sprints.isError && <ErrorNotice error={sprints.error} title={t('sprints.loadFailed')} onRetry={() => void sprints.refetch()} />}
        <QuickAdd groupId={groupId} backlogId={backlogId} epics={epics} />
        <FilterBar groupId={groupId} epics={epics.epics} people={people} sprints={sprintList} sprintsReady={sprints.isSuccess} />
        <p className="items-totals" role="status">
          {t('items.count', { count: shown.length })} · {t('items.points', { points: totals.total })}
          {totals.unsummable > 0 && ` · ${t('items.unsummable', { count: totals.unsummable })}`}
          {totals.unestimated > 0 && ` · ${t('items.unestimated', { count: totals.unestimated })}`}
        </p>
        {selectedIds.length > 0 && (
          <BulkBar
            count={selectedIds.length}
            filteredCount={shown.length}
            epics={epics}
            sprints={sprintList}
            backlogId={backlogId}
            progress={progress}
            actions={{
              setEpic: (epicId) => send(each(selectedIds, { epicId }), t('items.updated', { count: selectedIds.length })),
              setPoints: (storyPoints) => send(each(selectedIds, { storyPoints }), t('items.updated', { count: selectedIds.length })),
              moveTo: (entityId) => send(moveTo(selectedIds, entityId), t('items.moved', { count: selectedIds.length })),
              selectAll: () => setSelection(new Set(shown.map((item) => item.taskId))),
              clear: () => setSelection(new Set()),
            }}
          />
        )}
        {report && (
          <ChangeReportNotice
            report={report}
            retrying={retrying}
            onDismiss={() => setReport(null)}
            onRetry={() => {
              setRetrying(true)
              void send(retryChanges(report), t('items.updated', { count: report.failed.length })).finally(() => setRetrying(false))
            }}
          />
        )}
        {reorderError !== null && <ErrorNotice error={reorderError} title={t('items.reorder.failed')} />}
        <p id="items-keys" className="muted items-hint">
          {reorderable ? t('items.keysHint') : filters.location === 'backlog' ? t('items.reorderHint') : ''}
        </p>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        <ItemsList
          items={shown}
          backlogId={backlogId}
          epics={epics}
          sprints={sprintList}
          sprintsReady={sprints.isSuccess}
          reorderable={reorderable}
          selection={selection}
          onSelectionChange={setSelection}
          onReorder={(taskIds, target) => runReorder(taskIds, target)}
          actions={rowActions}
        />
      </section>
      <EpicsPanel groupId={groupId} catalogue={epics} items={all} onDetached={settle} />
    </div>
  )
}
