import { useRef, type KeyboardEvent } from 'react'
import { GridList, ListLayout, useDragAndDrop, Virtualizer, type Selection } from 'react-aria-components'
import { useI18n } from '@/i18n'
import type { EpicCatalogue } from '@/lib/epics/epic-fields'
import type { ReorderTarget } from '../api/filter-items'
import type { BacklogItem } from '@/lib/items/item-fields'
import type { Sprint } from '@/lib/sprints/sprint-fields'
import { ItemRow, type ItemRowActions, type MoveTarget } from './ItemRow'

export const ROW_HEIGHT = 52

interface ItemsListProps {
  items: readonly BacklogItem[]
  backlogId: number
  epics: EpicCatalogue
  sprints: readonly Sprint[]
  sprintsReady: boolean
  reorderable: boolean
  selection: Selection
  onSelectionChange: (selection: Selection) => void
  onReorder: (taskIds: number[], target: ReorderTarget) => void
  actions: ItemRowActions
}

const shortcuts: Record<string, MoveTarget> = { ArrowUp: 'up', ArrowDown: 'down', Home: 'top', End: 'bottom' }

/**
 * The items as a grid list: virtualised (only the rows in view are in the page), multi-select with
 * checkboxes and Shift for ranges, reorder by dragging the handle or from the keyboard
 * (Alt+↑/↓/Home/End on a row, or the drag handle's Enter-to-move).
 */
export function ItemsList({ items, backlogId, epics, sprints, sprintsReady, reorderable, selection, onSelectionChange, onReorder, actions }: ItemsListProps) {
  const { t } = useI18n()
  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) => [...keys].map((key) => ({ 'text/plain': items.find((item) => item.taskId === Number(key))?.title ?? '' })),
    onReorder: (event) => {
      if (event.target.dropPosition === 'on') return
      onReorder(
        [...event.keys].map(Number),
        { taskId: Number(event.target.key), position: event.target.dropPosition },
      )
    },
  })

  // Shift+click on a checkbox selects the range from the last item toggled, as in a file list.
  const shift = useRef(false)
  const anchor = useRef<number | null>(null)
  const changeSelection = (next: Selection) => {
    const current = selection
    if (next !== 'all' && current !== 'all') {
      const incoming = next
      const added = [...incoming].filter((key) => !current.has(key))
      const removed = [...current].filter((key) => !incoming.has(key))
      if (shift.current && anchor.current !== null && added.length === 1) {
        const ids = items.map((item) => item.taskId)
        const from = ids.indexOf(anchor.current)
        const to = ids.indexOf(Number(added[0]))
        if (from >= 0 && to >= 0) {
          next = new Set([...next, ...ids.slice(Math.min(from, to), Math.max(from, to) + 1)])
        }
      }
      if (added.length + removed.length === 1) anchor.current = Number(added[0] ?? removed[0])
    }
    shift.current = false
    onSelectionChange(next)
  }

  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    shift.current = event.shiftKey
    const target = shortcuts[event.key]
    if (!reorderable || !event.altKey || !target) return
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-key]')
    const item = row && items.find((candidate) => String(candidate.taskId) === row.dataset.key)
    if (!item) return
    event.preventDefault()
    event.stopPropagation()
    actions.move(item, target)
  }

  return (
    <div
      className="items-list-wrap"
      onKeyDownCapture={onKeyDownCapture}
      onPointerDownCapture={(event) => (shift.current = event.shiftKey)}
    >
      <Virtualizer layout={ListLayout} layoutOptions={{ rowSize: ROW_HEIGHT }}>
        <GridList
          // The grid's drag-and-drop hooks may not come and go between renders: remount when it changes.
          key={reorderable ? 'reorderable' : 'fixed'}
          aria-label={t('items.listLabel')}
          aria-describedby="items-keys"
          className="items-list"
          items={items}
          // Rows are cached by the collection: anything else they show must be named here to redraw them.
          dependencies={[epics, sprints, sprintsReady, backlogId, reorderable, actions]}
          selectionMode="multiple"
          selectionBehavior="toggle"
          selectedKeys={selection}
          onSelectionChange={changeSelection}
          dragAndDropHooks={reorderable ? dragAndDropHooks : undefined}
          renderEmptyState={() => <p className="items-list__empty">{t('items.empty')}</p>}
          style={{ height: Math.min(560, Math.max(items.length, 1) * ROW_HEIGHT + 4) }}
        >
          {(item) => (
            <ItemRow item={item} backlogId={backlogId} epics={epics} sprints={sprints} sprintsReady={sprintsReady} reorderable={reorderable} actions={actions} />
          )}
        </GridList>
      </Virtualizer>
    </div>
  )
}
