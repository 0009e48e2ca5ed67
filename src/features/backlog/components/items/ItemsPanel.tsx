import { useMemo, useState } from 'react'
import type { Selection } from 'react-aria-components'
import { openInPortalSlider } from '../../../../bitrix'
import { usePortal } from '../../../../app/PortalContext'
import { useI18n } from '../../../../i18n'
import { describeError } from '../../../../lib/error-message'
import { isReorderable, useItemFilters } from '../../../../stores/item-filters'
import { ErrorNotice, notify } from '../../../../ui'
import { useEpics } from '../../api/epics/get-epics'
import { filterItems, reorder } from '../../api/items/filter-items'
import { useItems } from '../../api/items/get-items'
import { byBacklogOrder, sumStoryPoints, type BacklogItem, type Person } from '../../api/items/item-fields'
import { PartialUpdateError, useUpdateItems, type ItemChange, type ItemFields } from '../../api/items/update-items'
import { useSprints } from '../../api/sprints/get-sprints'
import { BulkBar } from './BulkBar'
import { EpicsPanel } from './EpicsPanel'
import { FilterBar } from './FilterBar'
import type { ItemRowActions, MoveTarget } from './ItemRow'
import { ItemsList } from './ItemsList'
import { QuickAdd } from './QuickAdd'
import './items.css'

/** Everything in the backlog (and the scrum's sprints): list, quick add, filters, bulk actions, epics. */
export function ItemsPanel({ groupId, backlogId }: { groupId: number; backlogId: number }) {
  const { t } = useI18n()
  const portal = usePortal()
  const items = useItems(groupId, portal.origin)
  const epics = useEpics(groupId)
  const sprints = useSprints(groupId)
  const filters = useItemFilters(groupId)
  const update = useUpdateItems()
  const [selection, setSelection] = useState<Selection>(new Set())
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
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

  const send = (changes: ItemChange[], success?: string) => {
    if (changes.length === 0) return
    const long = changes.length > 50
    if (long) setProgress({ done: 0, total: changes.length })
    update.mutate(
      { groupId, changes, onProgress: long ? (done, total) => setProgress({ done, total }) : undefined },
      {
        onSuccess: () => success && notify({ tone: 'success', title: success }),
        onError: (error) => {
          const first = error instanceof PartialUpdateError ? error.failed[0]?.error : error
          notify({
            tone: 'error',
            title:
              error instanceof PartialUpdateError && error.total > 1
                ? t('items.failedSome', { count: error.failed.length, total: error.total })
                : t('items.failedOne'),
            description: describeError(first, t),
          })
        },
        onSettled: () => setProgress(null),
      },
    )
  }
  const each = (ids: readonly number[], fields: ItemFields): ItemChange[] => ids.map((taskId) => ({ taskId, fields }))

  const move = (item: BacklogItem, target: MoveTarget) => {
    const index = backlogItems.findIndex((candidate) => candidate.taskId === item.taskId)
    if (index < 0) return
    let changes: { taskId: number; sort: number }[] = []
    if (target === 'top' || target === 'bottom') changes = reorder(backlogItems, [item.taskId], target)
    else if (target === 'up' && index > 0) changes = reorder(backlogItems, [item.taskId], { taskId: backlogItems[index - 1]!.taskId, position: 'before' })
    else if (target === 'down' && index < backlogItems.length - 1)
      changes = reorder(backlogItems, [item.taskId], { taskId: backlogItems[index + 1]!.taskId, position: 'after' })
    send(changes.map(({ taskId, sort }) => ({ taskId, fields: { sort } })))
    const position = changes.find((change) => change.taskId === item.taskId)?.sort
    if (position) setAnnouncement(t('items.movedTo', { title: item.title, position, total: backlogItems.length }))
  }

  const rowActions: ItemRowActions = {
    setPoints: (item, points) => send([{ taskId: item.taskId, fields: { storyPoints: points } }]),
    setEpic: (item, epicId) => send([{ taskId: item.taskId, fields: { epicId } }]),
    move,
    moveTo: (item, entityId) => send([{ taskId: item.taskId, fields: { entityId } }], t('items.moved', { count: 1 })),
    open: (item) => void openInPortalSlider(`/workgroups/group/${groupId}/tasks/task/view/${item.taskId}/`),
  }

  if (items.isPending) {
    return (
      <p role="status" className="items-loading">
        {t('items.loading')}
      </p>
    )
  }
  if (items.isError) return <ErrorNotice error={items.error} onRetry={() => void items.refetch()} />

  const totals = sumStoryPoints(shown)
  return (
    <div className="items-layout">
      <section className="items-panel" aria-labelledby="items-title">
        <h3 id="items-title">{t('items.title')}</h3>
        <QuickAdd groupId={groupId} epics={epics.data ?? []} />
        <FilterBar groupId={groupId} epics={epics.data ?? []} people={people} sprints={sprints.data ?? []} />
        <p className="items-totals" role="status">
          {t('items.count', { count: shown.length })} · {t('items.points', { points: totals.total })}
          {totals.unsummable > 0 && ` · ${t('items.unsummable', { count: totals.unsummable })}`}
          {totals.unestimated > 0 && ` · ${t('items.unestimated', { count: totals.unestimated })}`}
        </p>
        {selectedIds.length > 0 && (
          <BulkBar
            count={selectedIds.length}
            filteredCount={shown.length}
            epics={epics.data ?? []}
            sprints={sprints.data ?? []}
            backlogId={backlogId}
            progress={progress}
            actions={{
              setEpic: (epicId) => send(each(selectedIds, { epicId }), t('items.updated', { count: selectedIds.length })),
              setPoints: (storyPoints) => send(each(selectedIds, { storyPoints }), t('items.updated', { count: selectedIds.length })),
              moveTo: (entityId) => send(each(selectedIds, { entityId }), t('items.moved', { count: selectedIds.length })),
              selectAll: () => setSelection(new Set(shown.map((item) => item.taskId))),
              clear: () => setSelection(new Set()),
            }}
          />
        )}
        <p id="items-keys" className="muted items-hint">
          {reorderable ? t('items.keysHint') : filters.location === 'backlog' ? t('items.reorderHint') : ''}
        </p>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        <ItemsList
          items={shown}
          backlogId={backlogId}
          epics={epics.data ?? []}
          sprints={sprints.data ?? []}
          reorderable={reorderable}
          selection={selection}
          onSelectionChange={setSelection}
          onReorder={(taskIds, target) =>
            send(reorder(backlogItems, taskIds, target).map(({ taskId, sort }) => ({ taskId, fields: { sort } })))
          }
          actions={rowActions}
        />
      </section>
      <EpicsPanel groupId={groupId} epics={epics.data ?? []} items={all} />
    </div>
  )
}
