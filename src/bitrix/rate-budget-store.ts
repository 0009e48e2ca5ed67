/**
 * The record behind the shared rate budget (rate-budget.ts), and where it lives. Everything here
 * runs in a tab and in the shared worker alike: the record's arithmetic, IndexedDB, and the
 * messages between the two.
 */
import { ENTERPRISE_LIMITS, limitsOf, STANDARD_LIMITS, type Limits, type PortalPlan } from './plan'

/** The shared state of one portal's bucket. */
export interface BucketRecord {
  /** Requests in the bucket at `at`, those given a slot not yet reached included. */
  level: number
  /** ms since the epoch: every tab of a browser reads the same clock. */
  at: number
  /** The plan some tab learned from `app.info`, and when. */
  plan?: PortalPlan
  planAt?: number
  /** When a tab last marked the bucket full after a 503. */
  fullAt?: number
}

/** What a tab asks of the record: plain data, so a worker can do it. */
export type BucketOp = { kind: 'take' } | { kind: 'giveBack' } | { kind: 'overflowed' } | { kind: 'learned'; plan: PortalPlan }

export interface OpResult {
  /** For a take: how long to wait for the slot (0: send now). */
  waitMs: number
  /** The plan the record names now (undefined: not learned, the standard limits). */
  plan?: PortalPlan
  /** For a take: the bucket is half full and no tab knows the plan, or its answer is stale. */
  wantPlan: boolean
  /** The record after the change, for a tab that has to go on alone. */
  record: BucketRecord
}

/**
 * Requests assumed in the bucket beyond what the record says: one second of drain, plus one. It
 * covers the time between a slot and the portal counting the request (the SDK's own queue, the
 * network's jitter), and a request the SDK sends again by itself after renewing a token.
 */
export function safetyMargin(limits: Limits): number {
  return Math.ceil(limits.drainPerSecond) + 1
}

/** The level a request may bring the bucket to: the portal's X minus the margin. */
export function capacity(limits: Limits): number {
  return limits.burst - safetyMargin(limits)
}

/** How long a learned plan is trusted before a page asks `app.info` again (plans change rarely). */
export const PLAN_TTL_MS = 60 * 60_000

/** A page asks for the plan only once its bucket is this full: a small screen never needs to know. */
export const PLAN_WANTED_AT = STANDARD_LIMITS.burst / 2

/** 503s that arrive together (requests in flight at once) tell the same thing: the bucket is full. */
const FULL_NEWS_MS = 1000

function valid(record: BucketRecord | undefined): record is BucketRecord {
  return (
    typeof record === 'object' && record !== null && Number.isFinite(record.level) && Number.isFinite(record.at) && record.level >= 0
  )
}

/** The record brought to `now`: drained at the rate of the plan it names (a clock set back drains nothing). */
function drained(stored: BucketRecord | undefined, now: number): BucketRecord {
  if (!valid(stored)) return { level: 0, at: now }
  const limits = limitsOf(stored.plan)
  const elapsed = Math.max(0, now - stored.at)
  const record: BucketRecord = { level: Math.max(0, stored.level - (elapsed / 1000) * limits.drainPerSecond), at: Math.max(now, stored.at) }
  if (stored.plan === 'enterprise' || stored.plan === 'standard') record.plan = stored.plan
  if (Number.isFinite(stored.planAt)) record.planAt = stored.planAt
  if (Number.isFinite(stored.fullAt)) record.fullAt = stored.fullAt
  return record
}

/**
 * From Enterprise limits to the standard ones: what the portal can hold is at most its X, plus
 * the slots already handed out above the Enterprise capacity (those requests are still to come).
 */
function narrowed(record: BucketRecord, level: number): number {
  return Math.min(level, STANDARD_LIMITS.burst) + Math.max(0, record.level - capacity(ENTERPRISE_LIMITS))
}

/** What each request of a tab does to the shared record, as one step. */
export function applyOp(stored: BucketRecord | undefined, op: BucketOp, now: number): [BucketRecord, OpResult] {
  const record = drained(stored, now)
  const done = (next: BucketRecord, waitMs = 0, wantPlan = false): [BucketRecord, OpResult] => [
    next,
    { waitMs, plan: next.plan, wantPlan, record: { ...next } },
  ]
  switch (op.kind) {
    case 'take': {
      const limits = limitsOf(record.plan)
      record.level += 1
      // Whole milliseconds, rounded up: timers drop fractions, and a slot reached early overfills.
      const over = record.level - capacity(limits)
      const waitMs = over > 0 ? Math.ceil((over / limits.drainPerSecond) * 1000 - 1e-6) : 0
      const known = record.planAt !== undefined && now - record.planAt < PLAN_TTL_MS
      return done(record, waitMs, !known && record.level >= PLAN_WANTED_AT)
    }
    case 'giveBack':
      // An aborted wait hands its slot back (the level drained since is the same either way).
      record.level = Math.max(0, record.level - 1)
      return done(record)
    case 'overflowed': {
      // The record was wrong (another app on this IP, a tab without the shared record, a clock
      // jump): the portal holds X now, and the slots handed out above the capacity are still to come.
      if (record.fullAt !== undefined && now - record.fullAt >= 0 && now - record.fullAt < FULL_NEWS_MS) return done(record)
      record.fullAt = now
      if (record.plan === 'enterprise') {
        // On Enterprise limits the portal has disproved the plan: the standard limits, for a plan period.
        return done({ ...record, level: narrowed(record, STANDARD_LIMITS.burst), plan: 'standard', planAt: now })
      }
      const limits = limitsOf(record.plan)
      record.level = limits.burst + Math.max(0, record.level - capacity(limits))
      return done(record)
    }
    case 'learned': {
      const level = record.plan === 'enterprise' && op.plan !== 'enterprise' ? narrowed(record, record.level) : record.level
      return done({ ...record, level, plan: op.plan, planAt: now })
    }
  }
}

/** Where the record lives: each op reads, changes and writes it as one step no other tab interleaves with. */
export interface BucketStore {
  apply(op: BucketOp): Promise<OpResult>
}

/** A record in this tab only (or in the worker's memory): the last fallback, and the tests' shared store. */
export class MemoryBucketStore implements BucketStore {
  constructor(private record?: BucketRecord) {}

  async apply(op: BucketOp): Promise<OpResult> {
    const [next, result] = applyOp(this.record, op, Date.now())
    this.record = next
    return result
  }

  peek(): BucketRecord | undefined {
    return this.record === undefined ? undefined : { ...this.record }
  }
}

export const DB_NAME = 'scrum-backlog-rate-budget'
const STORE_NAME = 'buckets'
/**
 * Past this a tab stops waiting for the shared record and keeps its own. The worker and
 * IndexedDB answer in milliseconds, but a reply needs a moment of the tab's own main thread, and
 * a transaction a tab runs itself also waits for those queued before it (each needing its own
 * tab's main thread): on a slow machine a busy tab holds the others for seconds. Only a store
 * that is really stuck (a browser bug) should be given up on, never a busy one.
 */
const STORE_TIMEOUT_MS = 20_000

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer in ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME)
    request.onsuccess = () => {
      const db = request.result
      // A newer version of the app in another tab wants the database: let it have it.
      db.onversionchange = () => db.close()
      resolve(db)
    }
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused to open'))
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'))
  })
}

/** One portal's record in IndexedDB: each op is one read-write transaction. */
export class IndexedDbBucketStore implements BucketStore {
  constructor(
    private readonly db: IDBDatabase,
    private readonly key: string,
  ) {}

  apply(op: BucketOp): Promise<OpResult> {
    return new Promise<OpResult>((resolve, reject) => {
      // Relaxed: the record is worth nothing after a crash; commits need not wait for the disk.
      const tx = this.db.transaction(STORE_NAME, 'readwrite', { durability: 'relaxed' })
      const objects = tx.objectStore(STORE_NAME)
      let result: OpResult
      const read = objects.get(this.key)
      read.onsuccess = () => {
        const [next, outcome] = applyOp(read.result as BucketRecord | undefined, op, Date.now())
        result = outcome
        objects.put(next, this.key)
      }
      // The slot counts only once the transaction has committed: every tab sees it then.
      tx.oncomplete = () => resolve(result)
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
    })
  }
}

/**
 * A shared store while it works; if it fails or is stuck, this tab goes on with the next one
 * (the worker's record → IndexedDB → its own), the last it used starting from the last record it
 * saw (never from an empty bucket).
 */
export class FallbackBucketStore implements BucketStore {
  private next: BucketStore | null = null
  private lastSeen: BucketRecord | undefined

  constructor(
    private readonly shared: Promise<BucketStore>,
    private readonly fallback: (lastSeen: BucketRecord | undefined) => BucketStore = (lastSeen) => new MemoryBucketStore(lastSeen),
    private readonly timeoutMs = STORE_TIMEOUT_MS,
  ) {
    // A store that failed to open is handled when a request first asks for it, not reported before.
    shared.catch(() => undefined)
  }

  /** True once this tab has given up on the shared store. */
  get fellBack(): boolean {
    return this.next !== null
  }

  async apply(op: BucketOp): Promise<OpResult> {
    if (!this.next) {
      try {
        const shared = await withTimeout(this.shared, this.timeoutMs, 'The shared rate budget')
        const result = await withTimeout(shared.apply(op), this.timeoutMs, 'The shared rate budget')
        this.lastSeen = result.record
        return result
      } catch {
        this.next ??= this.fallback(this.lastSeen)
      }
    }
    return this.next.apply(op)
  }
}

const databases = new WeakMap<IDBFactory, Promise<IDBDatabase>>()

/** One connection per page (or worker), opened once. */
function database(factory: IDBFactory): Promise<IDBDatabase> {
  let opened = databases.get(factory)
  if (!opened) {
    try {
      opened = openDatabase(factory)
    } catch (error) {
      opened = Promise.reject(error)
    }
    // Nothing may be left unhandled while no request has asked yet.
    opened.catch(() => undefined)
    databases.set(factory, opened)
  }
  return opened
}

/** The record in IndexedDB where the browser has it, else in memory (this tab's, or the worker's). */
export function indexedDbStore(key: string, factory: IDBFactory | undefined = globalThis.indexedDB): BucketStore {
  if (!factory) return new MemoryBucketStore()
  return new FallbackBucketStore(database(factory).then((db) => new IndexedDbBucketStore(db, key)))
}

export interface WorkerRequest {
  id: number
  key: string
  op: BucketOp
}
export type WorkerReply = { id: number; result: OpResult } | { id: number; error: string }

/** The worker's side: every tab's port, one store per portal (in the worker's IndexedDB). */
export function serveBucketPort(port: MessagePort, storeFor: (key: string) => BucketStore): void {
  port.onmessage = (event: MessageEvent<WorkerRequest>) => {
    const { id, key, op } = event.data
    storeFor(key)
      .apply(op)
      .then(
        (result) => port.postMessage({ id, result } satisfies WorkerReply),
        (error: unknown) => port.postMessage({ id, error: String(error) } satisfies WorkerReply),
      )
  }
}

