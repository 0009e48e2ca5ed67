import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { backlogKeys } from '@/lib/query-keys'
import { throwHandedOver } from '@/lib/handover'

export interface FieldDescription {
  name: string
  type: string
}

export function toFields(answer: unknown): FieldDescription[] {
  const fields = (answer as { fields?: Record<string, { type?: string }> } | null)?.fields ?? {}
  return Object.entries(fields).map(([name, field]) => ({ name, type: field.type ?? 'string' }))
}

/** The backlog's fields as this portal describes them; the screen shows whatever it lists. */
export async function getBacklogFields(): Promise<FieldDescription[]> {
  return toFields(await callMethod('tasks.api.scrum.backlog.getFields'))
}

export const backlogFieldsQueryOptions = () =>
  queryOptions({
    queryKey: backlogKeys.fields(),
    queryFn: ({ queryKey }) => {
      throwHandedOver(queryKey)
      return getBacklogFields()
    },
    staleTime: Infinity,
  })

export const useBacklogFields = (enabled = true) => useQuery({ ...backlogFieldsQueryOptions(), enabled })
