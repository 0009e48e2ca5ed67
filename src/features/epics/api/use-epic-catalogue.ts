import { useMemo } from 'react'
import { useStableArray } from '@/lib/use-stable-array'
import type { BacklogItem } from '@/lib/items/item-fields'
import type { EpicCatalogue } from '@/lib/epics/epic-fields'
import { useEpicsById } from './get-epics-by-id'
import { useEpics } from './get-epics'


/** What the screen may say about epics: names when known, "deleted" only when the portal said so. */
export function useEpicCatalogue(groupId: number, items: readonly BacklogItem[] | undefined, enabled = true): EpicCatalogue {
  const list = useEpics(groupId, enabled)
  // Worked out again on every change of the items, but the same arrays while their content stays,
  // so that an edit to an item's points does not make a new catalogue (every row shows it).
  const unlisted = useStableArray(
    useMemo(() => {
      if (!list.data || !items) return []
      const listed = new Set(list.data.map((epic) => epic.id))
      return [...new Set(items.filter((item) => item.epicId > 0 && !listed.has(item.epicId)).map((item) => item.epicId))]
    }, [list.data, items]),
  )
  const byId = useEpicsById(groupId, unlisted)

  // Query results are new objects on every render: the catalogue changes only when what it holds does,
  // so the list's rows (which redraw when it changes) are not drawn again for nothing.
  const { data: listed, error: listError, status: listStatus, refetch: refetchList } = list
  const { data: found, error: foundError, status: foundStatus, refetch: refetchFound } = byId
  const deletedIds = found?.deleted
  const dangling = useStableArray(
    useMemo(() => {
      const deleted = new Set(deletedIds ?? [])
      return deleted.size === 0 ? [] : (items ?? []).filter((item) => deleted.has(item.epicId))
    }, [deletedIds, items]),
  )
  return useMemo(() => {
    const error = listStatus === 'error' ? listError : foundStatus === 'error' ? foundError : null
    const status = error ? 'error' : listStatus === 'pending' || (unlisted.length > 0 && foundStatus === 'pending') ? 'loading' : 'ready'
    const deleted = new Set(found?.deleted ?? [])
    return {
      epics: [...(listed ?? []), ...(found?.found ?? [])],
      status,
      error,
      retry: () => void (listStatus === 'error' ? refetchList() : refetchFound()),
      deleted,
      dangling,
    }
  }, [listed, listError, listStatus, refetchList, found, foundError, foundStatus, refetchFound, unlisted.length, dangling])
}
