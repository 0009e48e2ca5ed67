import { Suspense, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import type { Selection } from 'react-aria-components/GridList'
import { openInPortalSlider } from '@/bitrix'
import { useI18n } from '@/i18n'
import { describeError } from '@/lib/error-message'
import type { GroupDetail } from '@/lib/groups/workgroup-fields'
import { itemSender, retryChanges, useItemChanges, type ChangeReport, type ItemChange, type ItemFields } from '@/lib/items/change-items'
import { byBacklogOrder, sumStoryPoints, type BacklogItem, type ItemContainer, type Person } from '@/lib/items/item-fields'
import { usePortal } from '@/lib/portal-context'
import { byPlanningOrder, type Sprint } from '@/lib/sprints/sprint-fields'
import { containerStats, DONE, velocity as velocityOf, type ContainerStats } from '@/lib/sprints/sprint-stats'
import { useCurrentUser } from '@/lib/users/get-current-user'
import { isReorderable, useItemFilters } from '@/stores/item-filters'
import { Button } from '@/ui/Button'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { notify } from '@/ui/toast-queue'
import { useEpicCatalogue } from '@/features/epics/api/use-epic-catalogue'
import { formatPoints, scaleListId, scaleValues } from '@/lib/estimation/scale'
import { useScale } from '@/lib/estimation/use-scale'
import { filterItems, type ReorderTarget } from '@/features/items/api/filter-items'
import { useItems } from '@/features/items/api/get-items'
import { useMoveItems } from '@/features/items/api/move-items'
import { isClean, reportMessage } from '@/features/items/components/change-report'
import { FilterBar } from '@/features/items/components/FilterBar'
import type { ItemRowActions, MoveTarget } from '@/features/items/components/ItemRow'
import { ItemsList } from '@/features/items/components/ItemsList'
import { LoadProgress } from '@/features/items/components/LoadProgress'
import { QuickAdd } from '@/features/items/components/QuickAdd'
import { quickAddSender } from '@/features/items/api/add-item'
import { useSprints } from '@/features/sprints/api/get-sprints'
import { useStartSprint } from '@/features/sprints/api/start-sprint'
import { SprintHeader } from '@/features/sprints/components/SprintHeader'
import { lazyComponent, usePreloadWhenIdle } from '@/lib/lazy-component'
import '@/features/items/components/items.css'

// What a button or a selection opens loads then (or when the browser is idle after the board shows).
const BulkBar = lazyComponent(() => import('@/features/items/components/BulkBar').then((module) => module.BulkBar))
const SprintDialog = lazyComponent(() => import('@/features/sprints/components/SprintDialog').then((module) => module.SprintDialog))
const CompleteSprintDialog = lazyComponent(() => import('@/features/sprints/components/CompleteSprintDialog').then((module) => module.CompleteSprintDialog))
const ScaleDialog = lazyComponent(() => import('@/features/estimation/components/ScaleDialog').then((module) => module.ScaleDialog))
/** The epics beside the lists: fetched once the items are on screen, which come first. */
const EpicsPanel = lazyComponent(() => import('@/features/epics/components/EpicsPanel').then((module) => module.EpicsPanel))
const ShortcutsDialog = lazyComponent(() => import('./ShortcutsDialog').then((module) => module.ShortcutsDialog))
const DeleteSprintDialog = lazyComponent(() => import('@/features/sprints/components/DeleteSprintDialog').then((module) => module.DeleteSprintDialog))

interface BoardProps {
  group: GroupDetail
  backlogId: number
  /** The screen's own reads have settled: the lists may load (they start from what they brought). */
  ready: boolean
}

type SprintDialogState =
  | { kind: 'create' }
  | { kind: 'edit'; sprint: Sprint }
  | { kind: 'complete'; sprint: Sprint }
  | { kind: 'delete'; sprint: Sprint }
  | null

/** Is the person typing (or choosing) somewhere, so that a letter is theirs, not a shortcut? */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [role="listbox"], [role="menu"], [role="dialog"], [role="alertdialog"]') !== null)
}

/**
 * The planning screen's single-key shortcuts: "/" to the search, "c" or "n" to the backlog's quick
 * add, "?" for the list. Not while typing, in a menu or a dialog, or with a modifier held.
 */
function usePlanningShortcuts(board: RefObject<HTMLElement | null>, showHelp: (show: boolean) => void) {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      const root = board.current
      if (!root) return
      const focus = (selector: string) => {
        const field = root.querySelector<HTMLElement>(selector)
        if (!field) return
        event.preventDefault()
        field.focus()
      }
      if (event.key === '/') focus('.filter-search input')
      else if (event.key === 'c' || event.key === 'n' || event.key === 'C' || event.key === 'N') focus('.quick-add[data-container="backlog"] .quick-add__title input')
      else if (event.key === '?') {
        event.preventDefault()
        showHelp(true)
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [board, showHelp])
}

/** How long a message with Undo stays. */
const UNDO_MS = 8000

/**
 * True a moment after `ready` turned true and the screen was painted with it (the next idle time,
 * at most 300 ms later): for what is beside the main content and may arrive just after it.
 */
function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false)
  useEffect(() => {
    if (!ready || after) return
    let idle: number | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(() => setAfter(true), { timeout: 300 })
      else timer = setTimeout(() => setAfter(true), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      if (idle !== undefined) cancelIdleCallback(idle)
      clearTimeout(timer)
    }
  }, [ready, after])
  return after
}

const NO_SPRINTS: readonly Sprint[] = []
const NO_ITEMS: readonly BacklogItem[] = []

/** Items by the backlog or sprint they are in, each list in the order given. */
function byContainer(items: readonly BacklogItem[]): Map<number, BacklogItem[]> {
  const map = new Map<number, BacklogItem[]>()
  for (const item of items) {
    const list = map.get(item.entityId)
    if (list) list.push(item)
    else map.set(item.entityId, [item])
  }
  return map
}
const NO_TOTALS = { stats: containerStats(NO_ITEMS), unfinished: 0, sums: sumStoryPoints(NO_ITEMS) }

/**
 * The planning board of one team: its sprints (the active one first, then planned ones, then the
 * completed ones folded away and read-only) above its backlog, every list with the same columns;
 * items move between them by drag, keyboard, menu or in bulk, always through the one change discipline.
 */
export function Board({ group, backlogId, ready }: BoardProps) {
  const { t, locale } = useI18n()
  const portal = usePortal()
  const groupId = group.id
  const me = useCurrentUser(ready)
  const items = useItems(groupId, portal.origin, ready)
  const epics = useEpicCatalogue(groupId, items.data, ready)
  const scale = useScale(groupId)
  const scaleValuesId = scaleValues(scale).length > 0 ? scaleListId(groupId) : undefined
  const sprints = useSprints(groupId, ready)
  const filters = useItemFilters(groupId)
  const change = useItemChanges(groupId)
  const moveItems = useMoveItems()
  const start = useStartSprint()
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [dialog, setDialog] = useState<SprintDialogState>(null)
  const [addingTo, setAddingTo] = useState<number | null>(null)
  const [showCompleted, setShowCompleted] = useState(false)
  const [reveal, setReveal] = useState<{ entityId: number; taskId: number; nonce: number } | null>(null)
  const [spotlight, setSpotlight] = useState<{ entityId: number; taskId: number; nonce: number } | null>(null)
  const spot = (item: BacklogItem) => setSpotlight((previous) => ({ entityId: item.entityId, taskId: item.taskId, nonce: (previous?.nonce ?? 0) + 1 }))
  // Said to screen readers after a move: the lists themselves only change order silently.
  const [announcement, setAnnouncement] = useState('')
  const closeReport = useRef<(() => void) | null>(null)
  const [showShortcuts, setShowShortcuts] = useState(false)
  const [showScale, setShowScale] = useState(false)
  const sideShown = useAfterPaint(items.isSuccess)
  const board = useRef<HTMLDivElement>(null)
  usePlanningShortcuts(board, setShowShortcuts)
  const idPrefix = useId()

  const sprintList = sprints.data ?? NO_SPRINTS
  const ordered = useMemo(() => [...sprintList].sort(byPlanningOrder), [sprintList])
  const active = ordered.find((sprint) => sprint.status === 'active') ?? null
  const upcoming = ordered.filter((sprint) => sprint.status !== 'completed')
  const completed = ordered.filter((sprint) => sprint.status === 'completed')
  const containers = useMemo<ItemContainer[]>(
    () => [
      ...ordered.map((sprint) => ({ id: sprint.id, name: sprint.name, kind: 'sprint' as const, readOnly: sprint.status === 'completed' })),
      { id: backlogId, name: t('items.bulk.backlog'), kind: 'backlog' as const, readOnly: false },
    ],
    [ordered, backlogId, t],
  )
  const byId = useMemo(() => new Map(containers.map((container) => [container.id, container])), [containers])

  const all = useMemo(() => [...(items.data ?? [])].sort(byBacklogOrder), [items.data])
  // What an Undo made later reads: the items as they are then, not as this render saw them.
  const latestAll = useRef(all)
  // Typing in the search shows in the field at once; the lists follow when the browser has time,
  // and a key typed meanwhile interrupts filtering for the previous one (5,000 items filter slowly).
  const listFilters = useDeferredValue(filters)
  const shown = useMemo(() => filterItems(all, listFilters), [all, listFilters])
  const shownIn = useMemo(() => byContainer(shown), [shown])
  // Every list's items and totals, worked out once per change of the items, not per list per render.
  const inContainer = useMemo(() => byContainer(all), [all])
  const allIn = (entityId: number): readonly BacklogItem[] => inContainer.get(entityId) ?? NO_ITEMS
  const totals = useMemo(() => {
    const map = new Map<number, { stats: ContainerStats; unfinished: number; sums: ReturnType<typeof sumStoryPoints> }>()
    for (const [entityId, list] of inContainer) {
      map.set(entityId, { stats: containerStats(list, scale), unfinished: list.filter((item) => item.status !== DONE).length, sums: sumStoryPoints(list, scale) })
    }
    return map
  }, [inContainer, scale])
  const totalsOf = (entityId: number) => totals.get(entityId) ?? NO_TOTALS
  const reorderable = isReorderable(listFilters)
  const velocity = useMemo(() => velocityOf(sprintList, all, scale), [sprintList, all, scale])
  const people = useMemo(() => {
    const found = new Map<number, Person>()
    for (const item of all) if (item.responsible) found.set(item.responsible.id, item.responsible)
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name))
  }, [all])
  const editable = useMemo(() => shown.filter((item) => !byId.get(item.entityId)?.readOnly), [shown, byId])
  const selectedIds = useMemo(() => editable.map((item) => item.taskId).filter((id) => selected.has(id)), [editable, selected])
  const canRun = portal.isAdmin || group.ownerId === me.data?.id || group.moderatorIds.includes(me.data?.id ?? -1)

  /** What the portal kept: a confirmation, or a report with Retry next to where the person acted. */
  const settle = (result: ChangeReport, success?: string, undo?: () => void) => {
    closeReport.current?.()
    closeReport.current = null
    if (isClean(result)) {
      if (!success) return
      if (!undo) return void notify({ tone: 'success', title: success })
      const close = notify(
        {
          tone: 'success',
          title: success,
          actions: [
            {
              label: t('changes.undo'),
              onPress: () => {
                close()
                undo()
              },
            },
          ],
        },
        UNDO_MS,
      )
      return
    }
    // After a partial bulk change the selection is what still needs doing.
    if (result.total > 1 && result.failed.length > 0) setSelected(new Set(result.failed.map((failure) => failure.change.taskId)))
    const close = notify(
      reportMessage(result, t, {
        retry: () => {
          close()
          void send(retryChanges(result), t('items.updated', { count: result.failed.length }))
        },
        dismiss: () => close(),
      }),
    )
    closeReport.current = close
  }

  /**
   * Send field changes. With `undoable`, the message offers Undo: it sends back, through the same
   * queue, what the screen showed before, for the items the portal saved.
   */
  const send = (changes: ItemChange[], success?: string, { undoable = false } = {}) => {
    if (changes.length === 0) return Promise.resolve()
    // The screen as it was: what Undo sends back (worked out once the sender, which knows how, is here).
    const shownBefore = latestAll.current
    const long = changes.length > 50
    if (long) setProgress({ done: 0, total: changes.length })
    return change(changes, { onProgress: long ? (done, total) => setProgress({ done, total }) : undefined })
      .then(async (result) => {
        const saved = new Set(result.saved)
        const before = undoable && saved.size > 0 ? await itemSender.load().then((sender) => sender.fieldsBefore(shownBefore, changes), () => []) : []
        const back = before.filter((previous) => saved.has(previous.taskId))
        settle(result, success, back.length > 0 ? () => void send(back, t('changes.undone', { count: back.length })) : undefined)
      })
      .finally(() => setProgress(null))
  }
  const each = (ids: readonly number[], fields: ItemFields): ItemChange[] => ids.map((taskId) => ({ taskId, fields }))

  /** Put items at a place in a backlog or sprint; say where the first one landed. */
  const place = (entityId: number, moved: number[], target: ReorderTarget, options: { reveal?: BacklogItem; success?: string } = {}) => {
    if (moved.length === 0 || byId.get(entityId)?.readOnly) return
    // Where every item of the lists this touches was, for Undo.
    const touched = new Set([entityId, ...moved.map((taskId) => latestAll.current.find((item) => item.taskId === taskId)?.entityId ?? entityId)])
    const places = latestAll.current.filter((item) => touched.has(item.entityId)).map(({ taskId, entityId: at, sort }) => ({ taskId, entityId: at, sort }))
    let success = options.success
    const item = options.reveal
    if (item) {
      setReveal((previous) => ({ entityId, taskId: item.taskId, nonce: (previous?.nonce ?? 0) + 1 }))
      const list = [...allIn(entityId).filter((other) => other.taskId !== item.taskId)]
      const index = target === 'top' ? 0 : target === 'bottom' ? list.length : list.findIndex((other) => other.taskId === target.taskId) + (target.position === 'after' ? 1 : 0)
      const where = byId.get(entityId)!
      const said =
        where.id === item.entityId
          ? t('items.movedTo', { title: item.title, position: index + 1, total: list.length + 1 })
          : t('items.movedInto', { title: item.title, where: where.kind === 'backlog' ? t('items.bulk.backlog') : where.name })
      setAnnouncement(said)
      success ??= said
    }
    const long = moved.length > 50
    if (long) setProgress({ done: 0, total: moved.length })
    void moveItems({ groupId, portalOrigin: portal.origin, entityId, moved, target })
      .then((result) => {
        const undo = () =>
          void itemSender.load().then((sender) => {
            const back = sender.placesBack(latestAll.current, places)
            return send(back, t('changes.undone', { count: back.length }))
          })
        settle(result, success, result.skipped ? undefined : undo)
        if (result.refreshed) notify({ tone: 'info', title: t('items.reorder.refreshed') })
      })
      .catch((error: unknown) => notify({ tone: 'error', title: t('items.reorder.failed'), description: describeError(error, t) }))
      .finally(() => setProgress(null))
  }


  const currentActions: ItemRowActions = {
    setPoints: (item, points) =>
      void send(
        [{ taskId: item.taskId, fields: { storyPoints: points } }],
        points === '' ? t('items.pointsCleared', { title: item.title }) : t('items.pointsSet', { title: item.title, points: formatPoints(points, locale) }),
        { undoable: true },
      ),
    setEpic: (item, epicId) =>
      void send(
        [{ taskId: item.taskId, fields: { epicId } }],
        epicId === 0
          ? t('items.epicCleared', { title: item.title })
          : t('items.epicSet', { title: item.title, epic: epics.epics.find((epic) => epic.id === epicId)?.name ?? String(epicId) }),
        { undoable: true },
      ),
    move: (item: BacklogItem, target: MoveTarget) => {
      const list = shownIn.get(item.entityId) ?? []
      const index = list.findIndex((candidate) => candidate.taskId === item.taskId)
      if (index < 0) return
      if (target === 'top' || target === 'bottom') return place(item.entityId, [item.taskId], target, { reveal: item })
      const neighbour = list[target === 'up' ? index - 1 : index + 1]
      if (!neighbour) return
      place(item.entityId, [item.taskId], { taskId: neighbour.taskId, position: target === 'up' ? 'before' : 'after' }, { reveal: item })
    },
    moveTo: (item, entityId) => place(entityId, [item.taskId], 'bottom', { reveal: item, success: t('items.moved', { count: 1 }) }),
    open: (item) => void openInPortalSlider(`/workgroups/group/${groupId}/tasks/task/view/${item.taskId}/`),
  }
  // Rows are drawn once and kept by the lists: they get actions that never change identity and
  // always run with this render's data.
  const latestActions = useRef(currentActions)
  useLayoutEffect(() => {
    latestActions.current = currentActions
    latestAll.current = all
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

  const selectIn = (list: readonly BacklogItem[]) => (next: Selection) => {
    const ids = new Set(list.map((item) => item.taskId))
    const chosen = next === 'all' ? [...ids] : [...next].map(Number)
    setSelected((current) => new Set([...[...current].filter((id) => !ids.has(id)), ...chosen]))
  }

  const startSprint = (sprint: Sprint) =>
    start.mutate(sprint, {
      onSuccess: () => notify({ tone: 'success', title: t('sprints.started', { sprint: sprint.name }) }),
      onError: (error) => notify({ tone: 'error', title: t('sprints.notStarted', { sprint: sprint.name }), description: describeError(error, t) }),
    })

  const list = (container: ItemContainer, emptyText: string) => {
    const listItems = shownIn.get(container.id) ?? []
    return (
      <ItemsList
        groupId={groupId}
        label={container.kind === 'backlog' ? t('items.listLabel') : t('items.listLabelSprint', { sprint: container.name })}
        container={container}
        items={listItems}
        all={allIn(container.id)}
        epics={epics}
        scale={scale}
        scaleList={scaleValuesId}
        containers={sprints.isSuccess ? containers : null}
        reorderable={reorderable}
        selected={selected}
        onSelectionChange={selectIn(listItems)}
        onMove={(taskIds, target) => place(container.id, taskIds, target)}
        actions={rowActions}
        reveal={reveal?.entityId === container.id ? reveal : null}
        spotlight={spotlight?.entityId === container.id ? spotlight : null}
        emptyText={emptyText}
      />
    )
  }

  const sprintSection = (sprint: Sprint) => {
    const container = byId.get(sprint.id)!
    const headingId = `${idPrefix}-sprint-${sprint.id}`
    const { stats, unfinished } = totalsOf(sprint.id)
    return (
      <section key={sprint.id} className={`container container--${sprint.status}`} aria-labelledby={headingId}>
        <SprintHeader
          sprint={sprint}
          stats={stats}
          velocity={velocity}
          canRun={canRun}
          activeSprint={active}
          unfinished={unfinished}
          headingId={headingId}
          pending={start.isPending && start.variables?.id === sprint.id ? 'start' : null}
          actions={{
            start: () => startSprint(sprint),
            complete: () => setDialog({ kind: 'complete', sprint }),
            edit: () => setDialog({ kind: 'edit', sprint }),
            remove: () => setDialog({ kind: 'delete', sprint }),
            addTask: () => setAddingTo(addingTo === sprint.id ? null : sprint.id),
          }}
        />
        {addingTo === sprint.id && <QuickAdd groupId={groupId} backlogId={backlogId} container={container} epics={epics} scale={scale} autoFocus onAdded={spot} />}
        {list(container, sprint.status === 'completed' ? t('sprints.emptyCompleted') : t('sprints.empty'))}
      </section>
    )
  }

  const backlogHeading = `${idPrefix}-backlog`
  const { stats: backlogStats, sums: backlogSums } = totalsOf(backlogId)
  usePreloadWhenIdle(items.isSuccess, [BulkBar, SprintDialog, CompleteSprintDialog, DeleteSprintDialog, { preload: itemSender.load }, { preload: quickAddSender.load }])
  const body = items.isPending ? (
    <>
      <PlaceholderRows label={t('items.loading')} />
      <LoadProgress groupId={groupId} />
    </>
  ) : items.isError ? (
    <ErrorNotice error={items.error} title={t('items.loadFailed')} onRetry={() => void items.refetch()} />
  ) : (
    <>
      <FilterBar groupId={groupId} epics={epics.epics} people={people} />
      {selectedIds.length > 0 && (
        <Suspense fallback={null}>
        <BulkBar
          count={selectedIds.length}
          filteredCount={editable.length}
          epics={epics}
          scale={scale}
          groupId={groupId}
          containers={containers}
          progress={progress}
          actions={{
            setEpic: (epicId) => send(each(selectedIds, { epicId }), t('items.updated', { count: selectedIds.length }), { undoable: true }),
            setPoints: (storyPoints) => send(each(selectedIds, { storyPoints }), t('items.updated', { count: selectedIds.length }), { undoable: true }),
            moveTo: (entityId) => place(entityId, selectedIds, 'bottom', { success: t('items.moved', { count: selectedIds.length }) }),
            selectAll: () => setSelected(new Set(editable.map((item) => item.taskId))),
            clear: () => setSelected(new Set()),
          }}
        />
        </Suspense>
      )}
      <p id="items-keys" className="muted items-hint">
        {reorderable ? t('items.keysHint') : t('items.reorderHint')}{' '}
        <button type="button" className="link-button" onClick={() => setShowShortcuts(true)}>
          {t('shortcuts.show')}
        </button>
      </p>
      {showShortcuts && (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={() => setShowShortcuts(false)} />
        </Suspense>
      )}
      {showScale && (
        <Suspense fallback={null}>
          <ScaleDialog groupId={groupId} teamName={group.name} scale={scale} canChange={portal.isAdmin} items={all} onClose={() => setShowScale(false)} />
        </Suspense>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {scaleValuesId && (
        <datalist id={scaleValuesId}>
          {scaleValues(scale).map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      )}
      <div className="sprints">
        <div className="sprints__toolbar">
          <h3 className="sprints__title">{t('sprints.title')}</h3>
          {sprints.isSuccess && (
            <Button size="s" onPress={() => setDialog({ kind: 'create' })}>
              {t('sprints.new')}
            </Button>
          )}
        </div>
        {sprints.isError && <ErrorNotice error={sprints.error} title={t('sprints.loadFailed')} onRetry={() => void sprints.refetch()} />}
        {sprints.isPending && <PlaceholderRows label={t('sprints.loading')} rows={1} />}
        {sprints.isSuccess && upcoming.length === 0 && <p className="muted">{t('sprints.none')}</p>}
        {upcoming.map(sprintSection)}
        {completed.length > 0 && (
          <div className="completed-sprints">
            <Button size="s" variant="ghost" aria-expanded={showCompleted} onPress={() => setShowCompleted(!showCompleted)}>
              {showCompleted ? t('sprints.hideCompleted', { count: completed.length }) : t('sprints.showCompleted', { count: completed.length })}
            </Button>
            {showCompleted && completed.map(sprintSection)}
          </div>
        )}
      </div>
      <section className="container container--backlog" aria-labelledby={backlogHeading}>
        <header className="container-head">
          <div className="container-head__main">
            <h3 id={backlogHeading} className="container-head__title">
              {t('items.bulk.backlog')}
            </h3>
            <p className="container-head__meta items-totals">
              {t('items.count', { count: backlogStats.count })} · {t('items.points', { points: backlogSums.total })}
              {backlogSums.unsummable > 0 && ` · ${t('items.unsummable', { count: backlogSums.unsummable })}`}
              {backlogSums.unestimated > 0 && ` · ${t('items.unestimated', { count: backlogSums.unestimated })}`}
            </p>
            <p className="container-head__meta">
              <button type="button" className="link-button link-button--flush" onClick={() => setShowScale(true)}>
                {t('estimation.button', { scale: t(`estimation.kind.${scale.kind}`) })}
              </button>
            </p>
          </div>
        </header>
        <QuickAdd groupId={groupId} backlogId={backlogId} container={byId.get(backlogId)!} epics={epics} scale={scale} onAdded={spot} />
        {list(byId.get(backlogId)!, Object.values(filters).some(Boolean) ? t('items.empty') : t('items.emptyBacklog'))}
      </section>
    </>
  )

  return (
    <div className="board" ref={board}>
      <div className="board__main">{body}</div>
      <aside className="board__side">
        {sideShown ? (
          <Suspense fallback={<PlaceholderRows label={t('epics.loading')} rows={3} />}>
            <EpicsPanel groupId={groupId} catalogue={epics} scale={scale} items={all} onDetached={settle} />
          </Suspense>
        ) : (
          <PlaceholderRows label={t('epics.loading')} rows={3} />
        )}
      </aside>
      <Suspense fallback={null}>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <SprintDialog
          groupId={groupId}
          sprint={dialog.kind === 'edit' ? dialog.sprint : null}
          sprints={sprintList}
          sprintDays={group.sprintDays}
          createdBy={me.data?.id ?? 0}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'complete' && (
        <CompleteSprintDialog
          sprint={dialog.sprint}
          stats={totalsOf(dialog.sprint.id).stats}
          unfinished={totalsOf(dialog.sprint.id).unfinished}
          backlogId={backlogId}
          planned={upcoming.filter((sprint) => sprint.status === 'planned')}
          onClose={() => setDialog(null)}
          onMoved={(report) => settle(report)}
        />
      )}
      {dialog?.kind === 'delete' && <DeleteSprintDialog sprint={dialog.sprint} count={allIn(dialog.sprint.id).length} onClose={() => setDialog(null)} />}
      </Suspense>
    </div>
  )
}

/** Rows that stand for the list while it loads: never a false "empty" or "not found". */
function PlaceholderRows({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-label={label} className="placeholder-rows">
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="placeholder-rows__row ui-skeleton" />
      ))}
    </div>
  )
}
