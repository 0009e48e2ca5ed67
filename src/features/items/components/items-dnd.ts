import type { DropItem } from 'react-aria-components/GridList'
import { isTextDropItem } from 'react-aria-components/useDrop'
import { useDragAndDrop } from 'react-aria-components/useDragAndDrop'
import type { ReorderTarget } from '../api/filter-items'
import { dragState } from './drag-state'

/** Items travel between lists (backlog ⇄ sprints) as their task ids. */
const ITEM_TYPE = 'application/x-scrum-backlog-item'

async function droppedIds(items: DropItem[]): Promise<number[]> {
  const texts = await Promise.all(items.filter(isTextDropItem).map((item) => item.getText(ITEM_TYPE)))
  return texts.map(Number).filter((id) => id > 0)
}

/**
 * Drag and drop for one list of items: reorder within it, or take items dragged in from another
 * list. It is most of React Aria's drag-and-drop code, so it loads after the list is on screen.
 */
export function useItemsDragAndDrop(titleOf: (taskId: number) => string, onMove: (taskIds: number[], target: ReorderTarget) => void, isDisabled = false) {
  return useDragAndDrop({
    // Off while the list is filtered: a filtered view has no single right place to drop into.
    isDisabled,
    onDragStart: () => dragState.set(true),
    onDragEnd: () => dragState.set(false),
    getItems: (keys) =>
      [...keys].map((key) => ({ [ITEM_TYPE]: String(key), 'text/plain': titleOf(Number(key)) })),
    acceptedDragTypes: [ITEM_TYPE],
    getDropOperation: () => 'move',
    onReorder: (event) => {
      if (event.target.dropPosition === 'on') return
      onMove([...event.keys].map(Number), { taskId: Number(event.target.key), position: event.target.dropPosition })
    },
    onInsert: async (event) => {
      if (event.target.dropPosition === 'on') return
      const position = event.target.dropPosition
      onMove(await droppedIds(event.items), { taskId: Number(event.target.key), position })
    },
    onRootDrop: async (event) => onMove(await droppedIds(event.items), 'bottom'),
  }).dragAndDropHooks
}
