import { useMemo } from 'react'
import type { BacklogItem } from '../items/item-fields'
import type { Epic } from './epic-fields'
import { useEpicsById } from './get-epics-by-id'
import { useEpics } from './get-epics'

export interface EpicCatalogue {
  /** The team's epics (and any other epic its items point at). */
  epics: readonly Epic[]
  status: 'loading' | 'error' | 'ready'
  error: unknown
  retry: () => void
  /** Known to be deleted on the portal (never assumed from a failed or partial load). */
  deleted: ReadonlySet<number>
  /** Items marked with a deleted epic. */
  dangling: readonly BacklogItem[]
}

/** What the screen may say about epics: names when known, "deleted" only when the portal said so. */
export function useEpicCatalogue(groupId: number, items: readonly BacklogItem[] | undefined): EpicCatalogue {
  const list = useEpics(groupId)
  const unlisted = useMemo(() => {
    if (!list.data || !items) return []
    const listed = new Set(list.data.map((epic) => epic.id))
    return [...new Set(items.filter((item) => item.epicId > 0 && !listed.has(item.epicId)).map((item) => item.epicId))]
  }, [list.data, items])
  const byId = useEpicsById(groupId, unlisted)

  return useMemo(() => {
    const failed = list.isError ? list : byId.isError ? byId : null
    const status = failed ? 'error' : list.isPending || (unlisted.length > 0 && byId.isPending) ? 'loading' : 'ready'
    const deleted = new Set(byId.data?.deleted ?? [])
    return {
      epics: [...(list.data ?? []), ...(byId.data?.found ?? [])],
      status,
      error: failed?.error ?? null,
      retry: () => void (list.isError ? list.refetch() : byId.refetch()),
      deleted,
      dangling: (items ?? []).filter((item) => deleted.has(item.epicId)),
    }
  }, [list, byId, unlisted.length, items])
}
