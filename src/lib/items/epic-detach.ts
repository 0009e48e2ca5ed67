import { useQuery, type QueryClient } from '@tanstack/react-query'
import { RestError } from '@/bitrix'
import { portalKeys } from '../query-keys'
import type { ItemFields } from './item-ledger'

/**
 * The docs say `epicId: 0` takes a task out of its epic; an older server answers "Epic not found"
 * to it and changes nothing. Which one a portal runs is learned from its answer, never assumed.
 */
export class EpicDetachRefusedError extends RestError {
  constructor(cause: RestError) {
    super({ code: cause.code, description: cause.description, status: cause.status, method: cause.method })
  }
}

/** The portal's refusal of a detach, told apart from an epic that is really missing. */
export function explainItemError(fields: ItemFields, error: RestError): RestError {
  return fields.epicId === 0 && error.isMethodError && error.is('Epic not found') ? new EpicDetachRefusedError(error) : error
}

export type EpicDetachSupport = 'unknown' | 'refused'

export function noteEpicDetachRefused(queryClient: QueryClient): void {
  queryClient.setQueryData<EpicDetachSupport>(portalKeys.epicDetach(), 'refused')
}

/** Whether this portal has refused to take a task out of an epic (then the app stops offering it). */
export function useEpicDetachSupport(): EpicDetachSupport {
  const { data } = useQuery<EpicDetachSupport>({
    queryKey: portalKeys.epicDetach(),
    queryFn: () => 'unknown',
    staleTime: Infinity,
    gcTime: Infinity,
  })
  return data ?? 'unknown'
}
