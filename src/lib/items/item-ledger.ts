import type { QueryClient } from '@tanstack/react-query'
import { PendingFields } from '../changes/pending-fields'
import { itemKeys } from '../query-keys'
import type { BacklogItem } from './item-fields'

/** Item fields the app changes: the scrum side of a task. */
export type ItemField = 'storyPoints' | 'epicId' | 'entityId' | 'sort'
export type ItemFields = Partial<Pick<BacklogItem, ItemField>>

/** Values the user chose that the portal has not confirmed yet, per team, item and field. */
export const itemLedger = new PendingFields<BacklogItem>((item) => item.taskId)

/** What one change of one item did. */
export interface ItemSettlement {
  taskId: number
  /** The value the screen should show now, per field (the newest choice, or what the portal holds). */
  fields: ItemFields
  /** The item no longer exists on the portal: take it off the screen. */
  gone?: boolean
}

/** Write what the changes left behind into the team's item list, in one cache update. */
export function writeSettlements(queryClient: QueryClient, groupId: number, settlements: readonly ItemSettlement[]): void {
  if (settlements.length === 0) return
  const byId = new Map(settlements.map((settlement) => [settlement.taskId, settlement]))
  queryClient.setQueryData<BacklogItem[]>(itemKeys.byGroup(groupId), (items) =>
    items
      ?.filter((item) => !byId.get(item.taskId)?.gone)
      .map((item) => {
        const settlement = byId.get(item.taskId)
        return settlement ? { ...item, ...settlement.fields } : item
      }),
  )
}
