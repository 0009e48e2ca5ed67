import { queryOptions, useQuery } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { backlogKeys } from '@/lib/query-keys'

export interface FieldDescription {
  name: string
  type: string
}

/** The backlog's fields as this portal describes them; the screen shows whatever it lists. */
export async function getBacklogFields(): Promise<FieldDescription[]> {
  const answer = await callMethod<{ fields?: Record<string, { type?: string }> }>('tasks.api.scrum.backlog.getFields')
  return Object.entries(answer.fields ?? {}).map(([name, field]) => ({ name, type: field.type ?? 'string' }))
}

export const backlogFieldsQueryOptions = () =>
  queryOptions({ queryKey: backlogKeys.fields(), queryFn: getBacklogFields, staleTime: Infinity })

export const useBacklogFields = () => useQuery(backlogFieldsQueryOptions())
