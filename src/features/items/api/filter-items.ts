import type { ItemFilters } from '@/stores/item-filters'
import type { BacklogItem } from '@/lib/items/item-fields'

export function filterItems(items: readonly BacklogItem[], filters: ItemFilters): BacklogItem[] {
  const needle = filters.text.trim().toLocaleLowerCase()
  return items.filter((item) => {
    if (needle && !item.title.toLocaleLowerCase().includes(needle) && String(item.taskId) !== needle) return false
    if (filters.epic === 'none' && item.epicId > 0) return false
    if (typeof filters.epic === 'number' && item.epicId !== filters.epic) return false
    if (filters.responsibleId !== null && item.responsible?.id !== filters.responsibleId) return false
    if (filters.noPoints && item.storyPoints.trim() !== '') return false
    return true
  })
}

/** Where moved items go: before or after an item, or to the top or bottom of a backlog or sprint. */
export type ReorderTarget = { taskId: number; position: 'before' | 'after' } | 'top' | 'bottom'

export interface Placement {
  taskId: number
  sort: number
  /** Set when the item comes from another backlog or sprint. */
  entityId?: number
}

/**
 * New positions 1..N in one backlog or sprint after putting `moving` (from it or from elsewhere, in
 * their order) before or after `target`, or at its top or bottom. Returns only what changes, so
 * only that is sent; positions that collided or had gaps come out distinct.
 */
export function placeInto(
  container: readonly BacklogItem[],
  moving: readonly BacklogItem[],
  target: ReorderTarget,
  entityId: number,
): Placement[] {
  const movingIds = new Set(moving.map((item) => item.taskId))
  const rest = container.filter((item) => !movingIds.has(item.taskId))
  let index: number
  if (target === 'top') index = 0
  else if (target === 'bottom') index = rest.length
  else {
    const at = rest.findIndex((item) => item.taskId === target.taskId)
    if (at < 0) return []
    index = target.position === 'before' ? at : at + 1
  }
  const next = [...rest.slice(0, index), ...moving, ...rest.slice(index)]
  const changes: Placement[] = []
  next.forEach((item, position) => {
    const sort = position + 1
    if (item.entityId !== entityId) changes.push({ taskId: item.taskId, sort, entityId })
    else if (item.sort !== sort) changes.push({ taskId: item.taskId, sort })
  })
  return changes
}
