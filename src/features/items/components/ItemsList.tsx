import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { GridList, type GridListProps, type Selection } from 'react-aria-components/GridList'
import type { DragAndDropHooks } from 'react-aria-components/useDragAndDrop'
import { useI18n } from '@/i18n'
import { noteVisibleItems } from '../api/visible-items'
import { deferredModule } from '@/lib/lazy-component'
import type { EpicCatalogue } from '@/lib/epics/epic-fields'
import type { BacklogItem, ItemContainer } from '@/lib/items/item-fields'
import type { ReorderTarget } from '../api/filter-items'
import { VIRTUAL_FROM } from './virtual-from'
import { ItemRow, type ItemRowActions, type MoveTarget } from './ItemRow'

export const ROW_HEIGHT = 52

/** Drag and drop arrives after the list is shown: on the first pointer or focus in a list, or when idle. */
const itemsDnd = deferredModule(() => import('./items-dnd'))
type ItemsDnd = Awaited<ReturnType<typeof itemsDnd.load>>

/** A list that once was longer than VIRTUAL_FROM stays virtual, so filtering never rebuilds it. */
const virtualizer = deferredModule(() => import('./items-virtualizer'))

interface ItemsListProps {
  groupId: number
  /** What the list is called for screen readers ("Backlog items", "Items of Sprint 3"). */
  label: string
  container: ItemContainer
  items: readonly BacklogItem[]
  epics: EpicCatalogue
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
  emptyText: string
  /** Tall lists scroll inside this height. */
  maxHeight?: number
}

const shortcuts: Record<string, MoveTarget> = { ArrowUp: 'up', ArrowDown: 'down', Home: 'top', End: 'bottom' }

type GridProps = GridListProps<BacklogItem> & { items: readonly BacklogItem[] }

/** The grid with drag and drop: a component of its own, because its hooks come with the code. */
function DraggableGrid({ dnd, onMove, isDragDisabled, ...props }: GridProps & { dnd: ItemsDnd; onMove: ItemsListProps['onMove']; isDragDisabled: boolean }) {
  const dragAndDropHooks: DragAndDropHooks = dnd.useItemsDragAndDrop(props.items, onMove, isDragDisabled)
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
 * One backlog or sprint as a grid list: virtualised (only the rows in view are in the page),
 * multi-select with checkboxes and Shift for ranges, and items dragged within it or in from another
 * list, or moved from the keyboard (Alt+↑/↓/Home/End, or the drag handle's Enter-to-move).
 */
export function ItemsList(props: ItemsListProps) {
  const { groupId, label, container, items, epics, containers, reorderable, selected, onSelectionChange, onMove, actions, reveal, emptyText } = props
  const { t } = useI18n()
  const selection = useListSelection(items, selected)
  const [virtual, setVirtual] = useState(false)
  if (!virtual && items.length > VIRTUAL_FROM) setVirtual(true)
  const [scrolling, setScrolling] = useState(virtualizer.current)
  useEffect(() => {
    if (!virtual || scrolling) return
    let live = true
    void virtualizer.load().then((module) => live && setScrolling(() => module), () => undefined)
    return () => void (live = false)
  }, [virtual, scrolling])
  const scroller = useRef<HTMLDivElement>(null)
  const movable = reorderable && !container.readOnly
  // Drag and drop is taken up by every list that can change, and switched off (not removed) while
  // a filter is on: removing it would rebuild the grid at the first key typed in the search.
  const droppable = !container.readOnly
  const [dnd, setDnd] = useState(itemsDnd.current)
  const pressed = useRef(false)
  const draggable = movable && dnd !== undefined
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

  // Shift+click on a checkbox selects the range from the last item toggled, as in a file list.
  const shift = useRef(false)
  const anchor = useRef<number | null>(null)
  const changeSelection = (next: Selection) => {
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
    onSelectionChange(next)
  }

  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    shift.current = event.shiftKey
    const target = shortcuts[event.key]
    if (!movable || !event.altKey || !target) return
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-key]')
    const item = row && items.find((candidate) => String(candidate.taskId) === row.dataset.key)
    if (!item) return
    event.preventDefault()
    event.stopPropagation()
    actions.move(item, target)
  }

  // Bring a moved item into view (the list scrolls inside its own box) and give it the focus.
  useEffect(() => {
    if (!reveal) return
    const index = items.findIndex((item) => item.taskId === reveal.taskId)
    const list = scroller.current?.querySelector<HTMLElement>('.items-list')
    if (index < 0 || !list) return
    const top = index * ROW_HEIGHT
    if (top < list.scrollTop || top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = Math.max(0, top - list.clientHeight / 2)
    const frame = requestAnimationFrame(() => list.querySelector<HTMLElement>(`[data-key="${reveal.taskId}"]`)?.focus())
    return () => cancelAnimationFrame(frame)
    // Only a new reveal request moves the focus, not every change of the list.
  }, [reveal]) // eslint-disable-line react-hooks/exhaustive-deps

  const height = Math.min(props.maxHeight ?? 560, Math.max(items.length, 1) * ROW_HEIGHT + 2)

  // Tell the revisit which items are in view (it re-reads their scrum fields): after the list
  // changes and when scrolling stops, from the scroll position (rows have one height), a moment
  // later so that it never adds to the work of a change or a frame.
  useEffect(() => {
    const list = scroller.current?.querySelector<HTMLElement>('.items-list')
    const report = () => {
      const first = Math.floor((list?.scrollTop ?? 0) / ROW_HEIGHT)
      const rows = items.slice(first, first + Math.ceil(height / ROW_HEIGHT) + 1)
      noteVisibleItems(groupId, container.id, rows.map((item) => item.taskId))
    }
    let timer = setTimeout(report, 200)
    const onScroll = () => {
      clearTimeout(timer)
      timer = setTimeout(report, 200)
    }
    list?.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      clearTimeout(timer)
      list?.removeEventListener('scroll', onScroll)
      noteVisibleItems(groupId, container.id, [])
    }
  }, [groupId, container.id, items, height, virtual, scrolling])
  const gridProps: GridProps = {
    'aria-label': label,
    'aria-describedby': 'items-keys',
    className: 'items-list',
    items,
    selectionMode: container.readOnly ? 'none' : 'multiple',
    selectionBehavior: 'toggle',
    selectedKeys: selection,
    onSelectionChange: changeSelection,
    // Rows are cached by the collection: anything else they show must be named here to redraw them.
    dependencies: [epics, containers, movable, draggable, actions, container.readOnly],
    renderEmptyState: () => <p className="items-list__empty">{emptyText}</p>,
    style: { height },
  }
  const row = (item: BacklogItem) => (
    <ItemRow item={item} epics={epics} targets={containers} readOnly={container.readOnly} reorderable={movable} draggable={draggable} actions={actions} />
  )
  const grid =
    droppable && dnd ? (
      <DraggableGrid {...gridProps} dnd={dnd} onMove={onMove} isDragDisabled={!movable}>
        {row}
      </DraggableGrid>
    ) : (
      <GridList {...gridProps}>{row}</GridList>
    )
  return (
    <div
      ref={scroller}
      className="items-list-wrap"
      onKeyDownCapture={onKeyDownCapture}
      onPointerDownCapture={(event) => {
        shift.current = event.shiftKey
        pressed.current = true
        window.addEventListener('pointerup', () => (pressed.current = false), { once: true })
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
      {virtual && !scrolling ? (
        <p className="items-list__empty" role="status">
          {t('items.loading')}
        </p>
      ) : virtual && scrolling ? (
        <scrolling.Virtualizer layout={scrolling.ListLayout} layoutOptions={{ rowSize: ROW_HEIGHT }}>
          {grid}
        </scrolling.Virtualizer>
      ) : (
        grid
      )}
    </div>
  )
}
