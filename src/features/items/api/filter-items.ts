import type { ItemFilters } from '@/stores/item-filters'
import type { BacklogItem } from '@/lib/items/item-fields'

export function filterItems(items: readonly BacklogItem[], filters: ItemFilters, backlogId: number): BacklogItem[] {
  const needle = filters.text.trim().toLocaleLowerCase()
  return items.filter((item) => {
    if (filters.location === 'backlog' && item.entityId !== backlogId) return false
    if (typeof filters.location === 'number' && item.entityId !== filters.location) return false
    if (needle && !item.title.toLocaleLowerCase().includes(needle) && String(item.taskId) !== needle) return false
    if (filters.epic === 'none' && item.epicId > 0) return false
    if (typeof filters.epic === 'number' && item.epicId !== filters.epic) return false
    if (filters.responsibleId !== null && item.responsible?.id !== filters.responsibleId) return false
    if (filters.noPoints && item.storyPoints.trim() !== '') return false
    return true
  })
}

/** Where moved items go: before or after an item, or to the top or bottom of the backlog. */
export type ReorderTarget = { taskId: number; position: 'before' | 'after' } | 'top' | 'bottom'

/**
 * New positions after moving `moved` before or after `target` in the backlog's order.
 * Returns only the items whose `sort` changes, so only those are sent.
 */
export function reorder(
  ordered: readonly BacklogItem[],
  moved: readonly number[],
  target: ReorderTarget,
): { taskId: number; sort: number }[] {
  const movedSet = new Set(moved)
  const moving = ordered.filter((item) => movedSet.has(item.taskId))
  const rest = ordered.filter((item) => !movedSet.has(item.taskId))
  let index: number
  if (target === 'top') index = 0
  else if (target === 'bottom') index = rest.length
  else {
    const at = rest.findIndex((item) => item.taskId === target.taskId)
    if (at < 0) return []
    index = target.position === 'before' ? at : at + 1
  }
  const next = [...rest.slice(0, index), ...moving, ...rest.slice(index)]
  const changes: { taskId: number; sort: number }[] = []
  next.forEach((item, position) => {
    const sort = position + 1
    if (item.sort !== sort) changes.push({ taskId: item.taskId, sort })
  })
  return changes
}
