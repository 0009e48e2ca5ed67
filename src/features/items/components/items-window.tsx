import { createContext, Fragment, startTransition, useContext, useEffect, useLayoutEffect, useRef, useState, type ComponentProps, type ContextType, type ReactNode } from 'react'
import { CollectionRendererContext } from 'react-aria-components/CollectionBuilder'
import { useDragging } from './drag-state'
import type { RowKey } from './ItemRow'
import { ROW_HEIGHT } from './virtual-from'

type CollectionRenderer = ContextType<typeof CollectionRendererContext>
type RootProps = ComponentProps<CollectionRenderer['CollectionRoot']>
type DropTargetDelegate = NonNullable<CollectionRenderer['dropTargetDelegate']>
type CollectionNode = ReturnType<RootProps['collection']['getItem']>

/** Which rows of a windowed list are near the view: [start, end) of `rows`. */
export interface RowWindow {
  /** The rows shown, in order (a filter hides the others from the grid's collection). */
  rows: readonly RowKey[]
  /** Each shown row's place in `rows`, by task id. */
  indexOf: ReadonlyMap<number, number>
  start: number
  end: number
  /** The rows in view, [first, last): the part of the window a new set of rows draws at once. */
  first: number
  last: number
  /** Scroll the list so that the row at this index is in view (the grid moved its focus there). */
  scrollTo: (index: number, near?: boolean) => void
}

export const RowWindowContext = createContext<RowWindow | null>(null)

/**
 * Drawn rows by row key, per drop indicator renderer. A drawn row is used again while its node has
 * the same props (a filter or a move gives the row a new node but the same props) and, with drop
 * indicators, the same place.
 */
interface Drawn {
  props: unknown
  at: number
  element: ReactNode
}
const drawnByIndicators = new WeakMap<object, WeakMap<object, Drawn>>()
const NO_INDICATORS = {}
function drawnRows(indicators: object | undefined): WeakMap<object, Drawn> {
  const owner = indicators ?? NO_INDICATORS
  let drawn = drawnByIndicators.get(owner)
  if (!drawn) drawnByIndicators.set(owner, (drawn = new WeakMap()))
  return drawn
}

/**
 * The rows of a windowed list. React Aria's grid keeps every item in its collection (keyboard
 * navigation, selection and drag and drop know the whole list) while this draws only the rows of
 * the window, plus those React Aria asks to keep (the focused row, the rows being dragged). Rows
 * keep their rendered element while their node is the same, so a window that moves mounts only
 * the rows that come into it; the others are left alone.
 */
function WindowRoot({ collection, persistedKeys, scrollRef, renderDropIndicator: indicators }: RootProps) {
  const view = useContext(RowWindowContext)
  const renderDropIndicator = useDragging() ? indicators : undefined
  const drawn = drawnRows(renderDropIndicator)
  const rows = view?.rows ?? []
  const start = view?.start ?? 0
  const end = view?.end ?? 0
  // A new set of rows (a filter typed, another list) draws the rows in view at once and the rest of
  // the window in a transition after it, which React can interrupt: the rows to draw for a key
  // typed in the search then cost a third, and no frame waits for rows nobody sees yet.
  const [whole, setWhole] = useState<readonly RowKey[] | null>(null)
  const everything = whole === rows
  let later = false
  useEffect(() => {
    if (later) startTransition(() => setWhole(rows))
  })

  // Keys React Aria keeps (the focus): a focus that moved to a row outside the window (End, type to
  // select) brings that row into view, where it takes the focus as it mounts.
  const lastKept = useRef<unknown>(null)
  const places = view?.indexOf
  const indexOf = (key: unknown) => (collection.getItem(key as never) ? places?.get(key as number) : undefined)
  const kept: number[] = []
  for (const key of persistedKeys ?? []) {
    const index = indexOf(key)
    if (index !== undefined && (index < start || index >= end)) kept.push(index)
  }
  const focused = persistedKeys?.values().next().value
  useLayoutEffect(() => {
    if (focused === lastKept.current) return
    lastKept.current = focused
    const index = focused === undefined ? undefined : indexOf(focused)
    if (index !== undefined && (index < start || index >= end)) view?.scrollTo(index)
  })

  const draw = (index: number) => {
    const row = rows[index]
    const node = row && (collection.getItem(row.id) as CollectionNode | null)
    if (!node) return null
    const known = drawn.get(row)
    if (known && known.props === node.props && (!renderDropIndicator || known.at === index)) return known.element
    if (!everything && (index < (view?.first ?? 0) || index >= (view?.last ?? end)) && !kept.includes(index)) {
      later = true
      return null
    }
    const rendered = node.render?.(node)
    const element = renderDropIndicator ? (
      <Fragment key={node.key}>
        <div className="items-list__drop" style={{ top: index * ROW_HEIGHT }}>
          {renderDropIndicator({ type: 'item', key: node.key, dropPosition: 'before' })}
        </div>
        {rendered}
        {index === rows.length - 1 && (
          <div className="items-list__drop" style={{ top: (index + 1) * ROW_HEIGHT }}>
            {renderDropIndicator({ type: 'item', key: node.key, dropPosition: 'after' })}
          </div>
        )}
      </Fragment>
    ) : (
      <Fragment key={node.key}>{rendered}</Fragment>
    )
    drawn.set(row, { props: node.props, at: index, element })
    return element
  }
  const indexes = [...kept.filter((index) => index < start), ...Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset), ...kept.filter((index) => index >= end)]

  // Each row drawn goes to its place (a filter or a move changes it without drawing the row again).
  // React Aria numbers rows only inside its own virtualiser: give each row its place in the whole
  // list, and the grid its length, for screen readers.
  useLayoutEffect(() => {
    const grid = scrollRef?.current
    if (!grid) return
    const count = String(rows.length)
    if (grid.getAttribute('aria-rowcount') !== count) grid.setAttribute('aria-rowcount', count)
    for (const element of grid.querySelectorAll<HTMLElement>(':scope > [data-key]')) {
      const index = indexOf(element.dataset.key === undefined ? undefined : Number(element.dataset.key))
      if (index === undefined) continue
      const top = `${index * ROW_HEIGHT}px`
      if (element.style.top !== top) element.style.top = top
      const place = String(index + 1)
      if (element.getAttribute('aria-rowindex') !== place) element.setAttribute('aria-rowindex', place)
    }
  })
  return <>{indexes.map(draw)}</>
}

/**
 * Where a pointer dragging over a windowed list would drop: every row has one height, so the row
 * under it is its scroll position's; the upper half of a row means before it, the lower half after.
 */
function windowDropTarget(grid: () => HTMLElement | null, rows: () => readonly RowKey[]): DropTargetDelegate {
  return {
    getDropTargetFromPoint(_x, y, isValidDropTarget) {
      const list = rows()
      const element = grid()
      if (list.length === 0 || !element) return { type: 'root' }
      const offset = y + element.scrollTop
      const index = Math.min(list.length - 1, Math.max(0, Math.floor(offset / ROW_HEIGHT)))
      const key = list[index]!.id
      const before = offset - index * ROW_HEIGHT < ROW_HEIGHT / 2 && offset < list.length * ROW_HEIGHT
      const target = { type: 'item' as const, key, dropPosition: before ? ('before' as const) : ('after' as const) }
      return isValidDropTarget(target) ? target : { type: 'root' }
    },
  }
}

/** The collection renderer of a windowed list (its drop targets read the list it is given). */
export function windowRenderer(grid: () => HTMLElement | null, rows: () => readonly RowKey[]): CollectionRenderer {
  return {
    isVirtualized: false,
    dropTargetDelegate: windowDropTarget(grid, rows),
    CollectionRoot: WindowRoot,
    CollectionBranch: () => null,
  }
}

export { CollectionRendererContext }
