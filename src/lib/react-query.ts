import { MutationCache, QueryClient } from '@tanstack/react-query'
import { noteChange } from './changes/change-epoch'

/**
 * The SDK already retries what is worth retrying (rate limits, 5xx, network) with backoff,
 * so the query layer does not retry on top of it: a failure reaches the screen once.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    // Every mutation is a change: reads kept for resuming a failed load are not reused after one.
    mutationCache: new MutationCache({ onMutate: () => noteChange() }),
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
