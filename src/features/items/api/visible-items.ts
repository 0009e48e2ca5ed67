/**
 * Which items each list of a team shows on screen now, so that a revisit reads the scrum fields of
 * those (story points, epic, order and the list an item is in change without the task's
 * CHANGED_DATE moving, so only a read of the item itself finds them).
 *
 * The virtualised list reports its rendered rows:
 *   noteVisibleItems(groupId, container.id, rows.map((item) => item.taskId))
 * whenever the rendered range changes (at mount too), and `[]` when the list unmounts.
 */
const shown = new Map<number, Map<number, readonly number[]>>()

export function noteVisibleItems(groupId: number, containerId: number, taskIds: readonly number[]): void {
  let lists = shown.get(groupId)
  if (!lists) {
    if (taskIds.length === 0) return
    lists = new Map()
    shown.set(groupId, lists)
  }
  if (taskIds.length === 0) lists.delete(containerId)
  else lists.set(containerId, [...taskIds])
  if (lists.size === 0) shown.delete(groupId)
}

/** The items a team's lists show now, list by list in the order they were reported; undefined when none reported. */
export function visibleItems(groupId: number): number[] | undefined {
  const lists = shown.get(groupId)
  if (!lists) return undefined
  return [...new Set([...lists.values()].flat())]
}

/** Tests start from an empty registry. */
export function forgetVisibleItems(groupId?: number): void {
  if (groupId === undefined) shown.clear()
  else shown.delete(groupId)
}
