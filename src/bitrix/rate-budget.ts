/**
 * One rate-limit budget per portal, shared by every tab of the app.
 *
 * The portal limits requests with a leaky bucket per portal and source IP (digest §10.2): each HTTP
 * request adds 1, the level drains Y per second, and a request that would lift it above X gets
 * 503 QUERY_LIMIT_EXCEEDED. Every tab of the app (and every reload) pours into that one bucket, so
 * the budget is one shared record `{ level, at }`: the bucket's level at time `at`, counting the
 * requests already sent and those given a later slot. A request takes a slot before it is sent:
 * the level rises by 1 and the request waits until the level, draining, is back within the
 * bucket's capacity. Slots are handed out in order, each with its exact waiting time, so a tab
 * touches the record once per request, whatever the queue (a virtual-scheduling leaky bucket).
 *
 * Where the record lives: the app's frame is a third-party origin inside the portal's page, so the
 * browser partitions its storage and workers by the portal's site, and tabs of one portal share
 * them. The record is kept by a SharedWorker (rate-budget-worker.ts), one for all those tabs, in
 * IndexedDB so that it outlives the last tab's reload. Every change is one step no other tab can
 * interleave with, and it needs no tab's main thread: when tabs changed the record in IndexedDB
 * themselves, each transaction waited for its tab to read and write back, so one tab busy
 * rendering a thousand rows held up the requests of all the others (measured: seconds each).
 * Where SharedWorker is missing (Chrome on Android) or fails, a tab changes the IndexedDB record
 * itself (its read-write transactions on one store run one after another, across tabs and the
 * worker). (localStorage under `navigator.locks` was not used: Chromium keeps a copy of
 * localStorage per renderer process and updates the others asynchronously, so a tab in another
 * process may read a level a few writes old even while it holds the lock.) Without IndexedDB
 * either (jsdom, a browser that refuses it) each tab keeps its own record: the old per-tab bucket.
 */
import type { B24Frame } from './frame'
import { askPortalPlan, limitsOf, STANDARD_LIMITS, type Limits, type PortalPlan } from './plan'
import {
  DB_NAME,
  FallbackBucketStore,
  indexedDbStore,
  type BucketOp,
  type BucketStore,
  type OpResult,
  type WorkerReply,
  type WorkerRequest,
} from './rate-budget-store'

export { MemoryBucketStore, FallbackBucketStore, capacity, safetyMargin, PLAN_TTL_MS, PLAN_WANTED_AT } from './rate-budget-store'
export type { BucketRecord, BucketStore } from './rate-budget-store'

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function abortableWait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const abort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', abort, { once: true })
  })
}

export interface RateBudgetOptions {
  store: BucketStore
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Called at most once per page, when the bucket gets half full and no tab knows the plan (or it is stale). */
  onPlanWanted?: () => void
}

/** The budget as one tab sees it. */
export class RateBudget {
  private readonly store: BucketStore
  private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void>
  private readonly onPlanWanted?: () => void
  private planAsked = false
  private limitsInForce: Readonly<Limits> = STANDARD_LIMITS

  constructor(options: RateBudgetOptions) {
    this.store = options.store
    this.wait = options.wait ?? abortableWait
    this.onPlanWanted = options.onPlanWanted
  }

  /** The limits this tab follows (the plan's, as the shared record names it). */
  get limits(): Readonly<Limits> {
    return this.limitsInForce
  }

  /**
   * Take a slot for one HTTP request and wait for it (at once while the bucket has room). An
   * abort while waiting gives the slot back and rejects with the signal's reason.
   */
  async take(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    const { waitMs, wantPlan } = await this.apply({ kind: 'take' })
    if (wantPlan && !this.planAsked) {
      this.planAsked = true
      this.onPlanWanted?.()
    }
    try {
      // A screen left while the slot was being taken sends nothing.
      signal?.throwIfAborted()
      if (waitMs > 0) await this.wait(waitMs, signal)
    } catch (error) {
      await this.apply({ kind: 'giveBack' }).catch(() => undefined)
      throw error
    }
  }

  /** The portal answered 503 QUERY_LIMIT_EXCEEDED: mark the bucket full for every tab. */
  async overflowed(): Promise<void> {
    await this.apply({ kind: 'overflowed' })
  }

  /** Record the plan this page learned, for every tab. */
  async learned(plan: PortalPlan): Promise<void> {
    await this.apply({ kind: 'learned', plan })
  }

  /** The plan, read along with a screen's other reads: nothing more to ask for it on this page. */
  async told(plan: PortalPlan): Promise<void> {
    this.planAsked = true
    await this.learned(plan)
  }

  private async apply(op: BucketOp): Promise<OpResult> {
    const result = await this.store.apply(op)
    this.limitsInForce = limitsOf(result.plan)
    return result
  }
}

/** A tab's line to the shared worker: each op is a message, answered in the order sent. */
export class WorkerLine {
  private sequence = 0
  private failure: Error | null = null
  private readonly pending = new Map<number, { resolve: (result: OpResult) => void; reject: (error: Error) => void }>()

  constructor(private readonly port: MessagePort) {
    port.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data
      const waiting = this.pending.get(reply.id)
      if (!waiting) return
      this.pending.delete(reply.id)
      if ('result' in reply) waiting.resolve(reply.result)
      else waiting.reject(new Error(reply.error))
    }
  }

  /** The worker could not start (its script refused, a crash): every op fails at once, so the tab moves on. */
  fail(error: Error): void {
    this.failure = error
    for (const waiting of this.pending.values()) waiting.reject(error)
    this.pending.clear()
  }

  apply(key: string, op: BucketOp): Promise<OpResult> {
    if (this.failure) return Promise.reject(this.failure)
    const id = ++this.sequence
    return new Promise<OpResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      const request: WorkerRequest = { id, key, op }
      this.port.postMessage(request)
    })
  }

  /** Hang up (a test's channel; a page's line lives as long as the page). */
  close(): void {
    this.port.close()
  }

  /** One portal's record, through this line. */
  store(key: string): BucketStore {
    return { apply: (op) => this.apply(key, op) }
  }
}

let line: WorkerLine | null | undefined

/** The page's line to the shared worker, or null where the browser has no SharedWorker. */
function workerLine(): WorkerLine | null {
  if (line !== undefined) return line
  line = null
  if (typeof SharedWorker === 'undefined') return line
  try {
    // Vite builds the worker from this exact form; the name keeps one worker whatever the page.
    const worker = new SharedWorker(new URL('./rate-budget-worker.ts', import.meta.url), { type: 'module', name: DB_NAME })
    const opened = new WorkerLine(worker.port)
    worker.onerror = () => opened.fail(new Error('The rate budget worker did not start'))
    line = opened
  } catch {
    line = null
  }
  return line
}

// Start the worker (its script, its database) while the frame's handshake runs, so the first
// request does not wait for it.
void workerLine()

/**
 * The store for one portal: the shared worker where the browser has it, else IndexedDB, else this
 * tab's own record; each falls back to the next if it fails.
 */
export function sharedBucketStore(key: string): BucketStore {
  const worker = workerLine()
  if (!worker) return indexedDbStore(key)
  return new FallbackBucketStore(Promise.resolve(worker.store(key)), () => indexedDbStore(key))
}

function portalKey(b24: B24Frame): string {
  try {
    const origin = typeof b24.getTargetOrigin === 'function' ? b24.getTargetOrigin() : ''
    return origin || 'portal'
  } catch {
    return 'portal'
  }
}

const budgets = new WeakMap<B24Frame, RateBudget>()

/**
 * The budget of the portal this page talks to: one per page, its record shared with every tab of
 * the same portal (keyed by the portal's address, in case a browser does not partition storage).
 * The plan is learned in the background once the bucket is half full; until then, and whenever
 * it cannot be learned, the standard 50 / 2 per second hold.
 */
export function portalBudget(b24: B24Frame): RateBudget {
  const existing = budgets.get(b24)
  if (existing) return existing
  const budget: RateBudget = new RateBudget({
    store: sharedBucketStore(portalKey(b24)),
    onPlanWanted: () =>
      void askPortalPlan(b24, budget).then((plan) => (plan ? budget.learned(plan) : undefined)).catch(() => undefined),
  })
  budgets.set(b24, budget)
  return budget
}
