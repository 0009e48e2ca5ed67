import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type UIEvent } from 'react'
import { SelectableCollectionContext } from 'react-aria-components/Autocomplete'
import { GridList, type GridListProps, type Selection } from 'react-aria-components/GridList'
import type { DragAndDropHooks } from 'react-aria-components/useDragAndDrop'
import { useI18n } from '@/i18n'
import { useStableArray } from '@/lib/use-stable-array'
import { noteVisibleItems } from '../api/visible-items'
import { deferredModule } from '@/lib/lazy-component'
import type { EpicCatalogue } from '@/lib/epics/epic-fields'
import type { Scale } from '@/lib/estimation/scale'
import type { BacklogItem, ItemContainer } from '@/lib/items/item-fields'
import type { ReorderTarget } from '../api/filter-items'
import { ROW_HEIGHT, VIRTUAL_FROM } from './virtual-from'
import { CollectionRendererContext, RowWindowContext, windowRenderer, type RowWindow } from './items-window'
import { renderItemRow, RowFreshContext, RowItemsContext, RowSettingsContext, type ItemRowActions, type MoveTarget, type RowKey, type RowSettings } from './ItemRow'

/** Drag and drop arrives after the list is shown: on the first pointer or focus in a list, or when idle. */
const itemsDnd = deferredModule(() => import('./items-dnd'))
type ItemsDnd = Awaited<ReturnType<typeof itemsDnd.load>>

/** Rows drawn beyond each edge of the view, and the step by which the window moves. */
const OVERSCAN = 4
const STEP = 16
/** How long a new item stays marked. */
const FRESH_MS = 2500

interface ItemsListProps {
  groupId: number
  /** What the list is called for screen readers ("Backlog items", "Items of Sprint 3"). */
  label: string
  container: ItemContainer
  /** The items shown (those the filters let through), in order. */
  items: readonly BacklogItem[]
  /**
   * Every item of the list, filtered or not: the grid holds them all and hides those not shown,
   * so that a key typed in the search changes which rows show, not what the grid holds.
   */
  all?: readonly BacklogItem[]
  epics: EpicCatalogue
  /** The team's estimation scale (and the id of its values' list, when it has values). */
  scale: Scale
  scaleList: string | undefined
  /** Every backlog and sprint of the team (for "Move to…"); null while the sprints are unknown. */
  containers: readonly ItemContainer[] | null
  reorderable: boolean
  /** The selection of every list (each list shows its own part of it). */
  selected: ReadonlySet<number>
  onSelectionChange: (selection: Selection) => void
  /** Put items (from this list or another) at a place in this list. */
  onMove: (taskIds: number[], target: ReorderTarget) => void
  actions: ItemRowActions
  /** An item to bring into view and focus (after a keyboard move); the nonce repeats it. */
  reveal?: { taskId: number; nonce: number } | null
  /** A new item to bring into view and mark for a moment, leaving the focus where it is (quick add). */
  spotlight?: { taskId: number; nonce: number } | null
  emptyText: string
  /** Tall lists scroll inside this height. */
  maxHeight?: number
}

const shortcuts: Record<string, MoveTarget> = { ArrowUp: 'up', ArrowDown: 'down', Home: 'top', End: 'bottom' }

type GridProps = GridListProps<RowKey> & { items: readonly RowKey[] }

/** The grid with drag and drop: a component of its own, because its hooks come with the code. */
function DraggableGrid({ dnd, onMove, titleOf, isDragDisabled, ...props }: GridProps & { dnd: ItemsDnd; onMove: ItemsListProps['onMove']; titleOf: (taskId: number) => string; isDragDisabled: boolean }) {
  const dragAndDropHooks: DragAndDropHooks = dnd.useItemsDragAndDrop(titleOf, onMove, isDragDisabled)
  return <GridList {...props} dragAndDropHooks={dragAndDropHooks} />
}

/**
 * This list's part of the selection, the same set as long as its content is: a new set makes the
 * grid redraw every row, and an edit to one item must redraw only that row.
 */
function useListSelection(items: readonly BacklogItem[], selected: ReadonlySet<number>): ReadonlySet<number> {
  const ids = new Set<number>()
  if (selected.size > 0) for (const item of items) if (selected.has(item.taskId)) ids.add(item.taskId)
  const [kept, setKept] = useState<ReadonlySet<number>>(ids)
  if (kept.size === ids.size && [...ids].every((id) => kept.has(id))) return kept
  setKept(ids)
  return ids
}

/**
 * A menu that moved its row away closes after the row took the focus in its new place, and hands
 * the focus back to where its button was (another row of the old list): for a moment, focus that
 * leaves the row without the person pressing anything is brought back to it.
 */
function keepFocus(row: HTMLElement, ms = 500) {
  const document = row.ownerDocument
  const until = performance.now() + ms
  const stop = () => {
    document.removeEventListener('focusin', back, true)
    document.removeEventListener('keydown', stop, true)
    document.removeEventListener('pointerdown', stop, true)
  }
  const back = (event: FocusEvent) => {
    if (performance.now() > until || !row.isConnected) return stop()
    if (event.target !== row && !row.contains(event.target as Node)) queueMicrotask(() => row.focus())
  }
  document.addEventListener('focusin', back, true)
  document.addEventListener('keydown', stop, true)
  document.addEventListener('pointerdown', stop, true)
  setTimeout(stop, ms)
}

/** A function that keeps its identity and always runs the latest one given (props of a kept grid). */
function useLatest<A extends unknown[], R>(run: (...args: A) => R): (...args: A) => R {
  const latest = useRef(run)
  useLayoutEffect(() => {
    latest.current = run
  })
  const [stable] = useState(() => (...args: A) => latest.current(...args))
  return stable
}

/**
 * One backlog or sprint as a grid list: multi-select (a click or Space toggles a row, Shift for
 * ranges), items dragged within it or in from another list, or moved from the keyboard
 * (Alt+↑/↓/Home/End, or the drag handle's Enter-to-move).
 *
 * A long list is windowed: the grid's collection holds every item (keyboard, selection and drag
 * and drop know the whole list) while only the rows near the view are drawn, at their place, so
 * scrolling, editing and filtering cost the same whatever the length. A filter hides rows from the
 * collection rather than rebuilding it. Screen readers hear each row's place in the whole list
 * (aria-rowindex). The grid itself is kept between renders: an edit to an item redraws only its
 * row (rows read their item from context), not the grid and not the other rows.
 */
export function ItemsList(props: ItemsListProps) {
  const { groupId, label, container, epics, scale, scaleList, containers, reorderable, selected, onMove, actions, reveal, spotlight, emptyText } = props
  const { t } = useI18n()
  // The board hands every list a new array on each change; this list's items may be the same.
  const items = useStableArray(props.items)
  const selection = useListSelection(items, selected)
  const [windowed, setWindowed] = useState(false)
  if (!windowed && (props.all ?? items).length > VIRTUAL_FROM) setWindowed(true)
  const scroller = useRef<HTMLDivElement>(null)
  const readOnly = container.readOnly
  const movable = reorderable && !readOnly
  // Drag and drop is taken up by every list that can change, and switched off (not removed) while
  // a filter is on: removing it would rebuild the grid at the first key typed in the search.
  const droppable = !readOnly
  const [dnd, setDnd] = useState(itemsDnd.current)
  const pressed = useRef(false)
  const draggable = droppable && dnd !== undefined
  // Taking up drag and drop remounts the grid (its hooks cannot come and go between renders), so it
  // waits until nobody is using the list: no pointer pressed, no focus inside it, no menu or picker
  // of a row open or opening, and that for two checks in a row (a closing popover hands the focus
  // back to its button a moment later). The download starts when a pointer or the focus comes to
  // the list, or 2 s after it is shown.
  const canSwap = () => {
    const wrap = scroller.current
    const active = document.activeElement
    return !pressed.current && !(wrap && active && wrap.contains(active)) && !wrap?.querySelector('[aria-expanded="true"], [data-opening]')
  }
  const [arrived, setArrived] = useState<ItemsDnd | undefined>(undefined)
  const takeUpDnd = () => {
    if (dnd || arrived || !droppable) return
    void itemsDnd.load().then(
      // At once when nobody is using the list (a row dragged in from another list needs it now).
      (module) => (canSwap() ? setDnd(() => module) : setArrived(() => module)),
      () => undefined,
    )
  }
  useEffect(() => {
    if (!droppable || dnd) return
    if (arrived) {
      let calm = 0
      const timer = setInterval(() => {
        calm = canSwap() ? calm + 1 : 0
        if (calm >= 2) setDnd(() => arrived)
      }, 150)
      return () => clearInterval(timer)
    }
    const timer = setTimeout(takeUpDnd, 2000)
    return () => clearTimeout(timer)
    // takeUpDnd and canSwap read only refs and what these decide.
  }, [droppable, dnd, arrived]) // eslint-disable-line react-hooks/exhaustive-deps

  // The collection's rows: one object per item for as long as its title stays. The grid holds every
  // item of the list; a filter hides the others (React Aria filters its collection without
  // rebuilding it: rebuilding 5,000 rows for each key typed would block the page).
  const everyItem = useStableArray(props.all ?? props.items)
  const [keys] = useState(() => new Map<number, RowKey>())
  const keyOf = (item: BacklogItem): RowKey => {
    const known = keys.get(item.taskId)
    if (known && known.title === item.title) return known
    const key = { id: item.taskId, title: item.title }
    keys.set(item.taskId, key)
    return key
  }
  const allRows = useStableArray(useMemo(() => everyItem.map(keyOf), [everyItem])) // eslint-disable-line react-hooks/exhaustive-deps
  const rows = useStableArray(useMemo(() => items.map(keyOf), [items, allRows])) // eslint-disable-line react-hooks/exhaustive-deps
  const filter = useMemo(() => {
    if (rows.length === allRows.length) return null
    const shown = new Set(rows.map((row) => row.id))
    return { filter: (_text: string, node: { key: unknown }) => shown.has(node.key as number) }
  }, [rows, allRows])
  const byId = useMemo(() => new Map(everyItem.map((item) => [item.taskId, item])), [everyItem])
  const indexOf = useMemo(() => new Map(rows.map((row, index) => [row.id, index])), [rows])

  const height = Math.min(props.maxHeight ?? 560, Math.max(items.length, 1) * ROW_HEIGHT + 2)
  const inView = Math.ceil(height / ROW_HEIGHT) + 1
  // The first row in view, from the scroll position; the window moves by whole steps around it.
  const [scrolledTo, setScrolledTo] = useState(0)
  const first = Math.min(scrolledTo, Math.max(0, rows.length - inView))
  const start = windowed ? Math.max(0, Math.floor((first - OVERSCAN) / STEP) * STEP) : 0
  const end = windowed ? Math.min(rows.length, Math.ceil((first + inView + OVERSCAN) / STEP) * STEP) : rows.length
  const onScroll = useLatest((event: UIEvent<HTMLDivElement>) => setScrolledTo(Math.floor(event.currentTarget.scrollTop / ROW_HEIGHT)))

  // Shift+click on a checkbox selects the range from the last item toggled, as in a file list.
  const shift = useRef(false)
  const anchor = useRef<number | null>(null)
  const changeSelection = useLatest((selectionNext: Selection) => {
    let next = selectionNext
    const current = selection
    if (next !== 'all') {
      const incoming = next
      const added = [...incoming].filter((key) => !current.has(Number(key)))
      const removed = [...current].filter((key) => !incoming.has(key))
      if (shift.current && anchor.current !== null && added.length === 1) {
        const ids = items.map((item) => item.taskId)
        const from = ids.indexOf(anchor.current)
        const to = ids.indexOf(Number(added[0]))
        if (from >= 0 && to >= 0) next = new Set([...next, ...ids.slice(Math.min(from, to), Math.max(from, to) + 1)])
      }
      if (added.length + removed.length === 1) anchor.current = Number(added[0] ?? removed[0])
    }
    shift.current = false
    props.onSelectionChange(next)
  })
  const move = useLatest(onMove)
  const titleOf = useLatest((taskId: number) => byId.get(taskId)?.title ?? '')

  // Bring a row into view and give it the focus once it is drawn (a windowed list draws it after
  // the scroll): after a keyboard move, and for Home, End, Page Up and Page Down.
  const focusNext = useRef<{ taskId: number; keep: boolean } | null>(null)
  /** `near`: the row goes just under the list's top edge (next to the form above it), not to its middle. */
  const scrollTo = useLatest((index: number, near = false) => {
    const list = scroller.current?.querySelector<HTMLElement>('.items-list')
    if (!list) return
    const top = index * ROW_HEIGHT
    if (top >= list.scrollTop && top + ROW_HEIGHT <= list.scrollTop + list.clientHeight) return
    list.scrollTop = Math.max(0, near ? top - ROW_HEIGHT : top - list.clientHeight / 2)
    setScrolledTo(Math.floor(list.scrollTop / ROW_HEIGHT))
  })
  const [, setFocusRequest] = useState(0)
  /** `keep`: after a move from a row's menu, whose closing would take the focus back. */
  const goTo = (index: number, taskId: number, keep = false) => {
    scrollTo(index)
    focusNext.current = { taskId, keep }
    setFocusRequest((count) => count + 1)
  }
  const focusPending = () => {
    const next = focusNext.current
    if (next === null) return
    const row = scroller.current?.querySelector<HTMLElement>(`.items-list [data-key="${next.taskId}"]`)
    if (!row) return
    focusNext.current = null
    row.focus()
    if (next.keep) keepFocus(row)
  }
  // A frame later, not during the change: a menu closing hands the focus back to its button first.
  useEffect(() => {
    if (focusNext.current === null) return
    const frame = requestAnimationFrame(focusPending)
    return () => cancelAnimationFrame(frame)
  })

  const jumps: Record<string, (at: number) => number> = {
    Home: () => 0,
    End: () => rows.length - 1,
    PageUp: (at) => Math.max(0, at - (inView - 2)),
    PageDown: (at) => Math.min(rows.length - 1, at + inView - 2),
  }
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    shift.current = event.shiftKey
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-key]')
    const target = shortcuts[event.key]
    if (movable && event.altKey && target) {
      const item = row && items.find((candidate) => String(candidate.taskId) === row.dataset.key)
      if (!item) return
      event.preventDefault()
      event.stopPropagation()
      actions.move(item, target)
      return
    }
    // Enter on a focused row opens its task in the portal's slider; Space selects it (the grid's own).
    if (event.key === 'Enter' && row && row === event.target && !event.altKey && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      const item = items.find((candidate) => String(candidate.taskId) === row.dataset.key)
      if (!item) return
      event.preventDefault()
      event.stopPropagation()
      actions.open(item)
      return
    }
    // The grid knows only the rows it holds: a windowed list goes to the real first, last or next
    // page row itself.
    const jump = jumps[event.key]
    if (!windowed || !jump || !row || row !== event.target || event.altKey || event.shiftKey || event.ctrlKey || event.metaKey) return
    const at = indexOf.get(Number(row.dataset.key))
    if (at === undefined) return
    const to = jump(at)
    const toRow = rows[to]
    if (!toRow) return
    event.preventDefault()
    event.stopPropagation()
    goTo(to, toRow.id)
  }

  // Bring a moved item into view and give it the focus, as soon as it is in this list (a move may
  // land a moment after it is asked for).
  const revealing = useRef<number | null>(null)
  useLayoutEffect(() => {
    if (reveal) revealing.current = reveal.taskId
  }, [reveal])
  useLayoutEffect(() => {
    const taskId = revealing.current
    const index = taskId === null ? undefined : indexOf.get(taskId)
    if (taskId === null || index === undefined) return
    revealing.current = null
    goTo(index, taskId, true)
  })

  // A new item: scrolled to once it is in this list, and marked for a moment (the focus stays in
  // the form, for the next title).
  const spotting = useRef<number | null>(null)
  const [fresh, setFresh] = useState<number | null>(null)
  useLayoutEffect(() => {
    if (spotlight) spotting.current = spotlight.taskId
  }, [spotlight])
  useLayoutEffect(() => {
    const taskId = spotting.current
    const index = taskId === null ? undefined : indexOf.get(taskId)
    if (taskId === null || index === undefined) return
    spotting.current = null
    scrollTo(index, true)
    setFresh(taskId)
  }, [indexOf, spotlight, scrollTo])
  useEffect(() => {
    if (fresh === null) return
    // The frame is as tall as its content: when the row is outside the portal page's view, the page
    // around the frame scrolls to it (and only then: the form and its message stay where they are).
    let observer: IntersectionObserver | undefined
    const frame = requestAnimationFrame(() => {
      const row = scroller.current?.querySelector(`.items-list [data-key="${fresh}"]`)
      if (!row || typeof IntersectionObserver === 'undefined') return
      observer = new IntersectionObserver(
        ([entry]) => {
          observer?.disconnect()
          if (entry && entry.intersectionRatio < 1) row.scrollIntoView({ block: 'nearest' })
        },
        { threshold: [1] },
      )
      observer.observe(row)
    })
    const timer = setTimeout(() => setFresh(null), FRESH_MS)
    return () => {
      cancelAnimationFrame(frame)
      observer?.disconnect()
      clearTimeout(timer)
    }
  }, [fresh])

  // Tell the revisit which items are in view (it re-reads their scrum fields), a moment after the
  // list changes or scrolling stops, so that it never adds to the work of a change or a frame.
  useEffect(() => {
    const timer = setTimeout(() => {
      noteVisibleItems(groupId, container.id, items.slice(first, first + inView).map((item) => item.taskId))
    }, 200)
    return () => clearTimeout(timer)
  }, [groupId, container.id, items, first, inView])
  useEffect(() => () => noteVisibleItems(groupId, container.id, []), [groupId, container.id])

  const view = useMemo<RowWindow>(() => ({ rows, indexOf, start, end, first, last: first + inView, scrollTo }), [rows, indexOf, start, end, first, inView, scrollTo])
  const gridElement = useLatest(() => scroller.current?.querySelector<HTMLElement>('.items-list') ?? null)
  const currentRows = useLatest(() => rows)
  const renderer = useMemo(() => windowRenderer(gridElement, currentRows), [gridElement, currentRows])
  const canReorder = useLatest(() => movable)
  const settings = useMemo<RowSettings>(
    () => ({ epics, scale, scaleList, targets: containers, readOnly, canReorder, draggable, actions }),
    [epics, scale, scaleList, containers, readOnly, canReorder, draggable, actions],
  )
  // Kept between renders: only a change of its rows, their selection or the list's shape redraws it.
  const grid = useMemo(() => {
    const gridProps: GridProps = {
      'aria-label': label,
      'aria-describedby': 'items-keys',
      className: windowed ? 'items-list items-list--windowed' : 'items-list',
      items: allRows,
      selectionMode: readOnly ? 'none' : 'multiple',
      selectionBehavior: 'toggle',
      // Letters are the screen's shortcuts ("c", "n", "/", "?"), not a jump to a title: the search finds titles.
      disallowTypeAhead: true,
      selectedKeys: selection,
      onSelectionChange: changeSelection,
      // Rows are cached by the collection: anything else they show must be named here to redraw them.
      dependencies: [readOnly, windowed],
      renderEmptyState: () => <p className="items-list__empty">{emptyText}</p>,
      style: windowed ? ({ height, '--rows': rows.length } as CSSProperties) : { height },
      onScroll: windowed ? onScroll : undefined,
    }
    const row = (key: RowKey) => renderItemRow(key, readOnly)
    const grid = droppable && dnd ? (
      <DraggableGrid {...gridProps} dnd={dnd} onMove={move} titleOf={titleOf} isDragDisabled={!movable}>
        {row}
      </DraggableGrid>
    ) : (
      <GridList {...gridProps}>{row}</GridList>
    )
    const filtered = <SelectableCollectionContext.Provider value={filter}>{grid}</SelectableCollectionContext.Provider>
    return windowed ? <CollectionRendererContext.Provider value={renderer}>{filtered}</CollectionRendererContext.Provider> : filtered
  }, [label, windowed, allRows, filter, rows.length, readOnly, selection, changeSelection, emptyText, height, onScroll, droppable, dnd, move, titleOf, movable, renderer])

  return (
    <div
      ref={scroller}
      className="items-list-wrap"
      data-fixed-order={movable ? undefined : true}
      onKeyDownCapture={onKeyDownCapture}
      onPointerDownCapture={(event) => {
        shift.current = event.shiftKey
        pressed.current = true
        window.addEventListener('pointerup', () => (pressed.current = false), { once: true })
        // A click on a row's empty space focuses the row (the browser does that for a focusable
        // element) without selecting it: the checkbox's cell selects (the row's own press, which
        // this lets through). The row's own controls and a drag are not affected.
        const target = event.target as HTMLElement
        const row = target.closest<HTMLElement>('[role="row"]')
        if (row && !readOnly && !target.closest('.item-row__cell--check, button, input, a, label, select, textarea, [slot]')) event.stopPropagation()
      }}
      onPointerEnter={takeUpDnd}
      onFocus={takeUpDnd}
    >
      <div className="items-head" aria-hidden="true">
        <span />
        <span />
        <span className="items-head__title">{t('items.column.title')}</span>
        <span className="items-head__points">{t('items.column.points')}</span>
        <span className="items-head__epic">{t('items.column.epic')}</span>
        <span className="items-head__person">{t('items.column.person')}</span>
        <span className="items-head__status">{t('items.column.status')}</span>
        <span />
      </div>
      <RowSettingsContext.Provider value={settings}>
        <RowItemsContext.Provider value={byId}>
          <RowFreshContext.Provider value={fresh}>
            <RowWindowContext.Provider value={view}>{grid}</RowWindowContext.Provider>
          </RowFreshContext.Provider>
        </RowItemsContext.Provider>
      </RowSettingsContext.Provider>
    </div>
  )
}
