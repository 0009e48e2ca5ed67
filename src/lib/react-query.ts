import { QueryClient } from '@tanstack/react-query'

/**
 * The SDK already retries what is worth retrying (rate limits, 5xx, network) with backoff,
 * so the query layer does not retry on top of it: a failure reaches the screen once.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
