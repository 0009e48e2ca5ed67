/**
 * The shared worker that keeps each portal's rate-limit record for every tab of the app
 * (rate-budget.ts): one worker per portal site, whose thread no tab's rendering can hold up. It
 * keeps the record in IndexedDB, so that a reload of the last tab does not start from an empty
 * bucket; without IndexedDB it keeps it in memory, still one record for all tabs.
 */
import { indexedDbStore, serveBucketPort, type BucketStore } from './rate-budget-store'

const stores = new Map<string, BucketStore>()

function storeFor(key: string): BucketStore {
  let store = stores.get(key)
  if (!store) {
    store = indexedDbStore(key)
    stores.set(key, store)
  }
  return store
}

// A SharedWorker's scope: typed by hand, since the app's TypeScript program has the DOM's types.
const scope = globalThis as unknown as { onconnect: ((event: MessageEvent) => void) | null }

scope.onconnect = (event) => {
  for (const port of event.ports) serveBucketPort(port, storeFor)
}
