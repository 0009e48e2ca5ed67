import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { B24Frame } from './frame'
import { callMethod, setFrameSourceForTests, setRetrySleepForTests } from './call-method'
import { connectToPortal } from './frame'
import { ENTERPRISE_LIMITS, STANDARD_LIMITS, type Limits } from './plan'
import { FallbackBucketStore, MemoryBucketStore, PLAN_TTL_MS, RateBudget, sharedBucketStore, WorkerLine, type BucketStore } from './rate-budget'
import { indexedDbStore, serveBucketPort } from './rate-budget-store'
import { resetSessionForTests } from './session'

/**
 * The portal's own rule (digest §10.2, as the dev portal plays it): the level drains Y per second,
 * and a request that would lift it above X is refused. Returns how many of these arrivals it refused.
 */
function refusedByPortal(arrivals: number[], limits: Limits = STANDARD_LIMITS): number {
  let level = 0
  let at = arrivals[0] ?? 0
  let refused = 0
  for (const time of [...arrivals].sort((a, b) => a - b)) {
    level = Math.max(0, level - ((time - at) / 1000) * limits.drainPerSecond)
    at = time
    if (level + 1 > limits.burst) refused++
    else level += 1
  }
  return refused
}

/** Start `n` takes at once; the times at which each may send, in order of resolution. */
function takeMany(budget: RateBudget, n: number, sent: number[], signal?: AbortSignal): Promise<void>[] {
  return Array.from({ length: n }, () => budget.take(signal).then(() => void sent.push(Date.now())))
}

const T0 = Date.UTC(2025, 0, 1)

beforeEach(() => {
  vi.useFakeTimers({ now: T0 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('one tab', () => {
  it('sends a burst of 47 at once (50 less a margin of 3), then one every 500 ms', async () => {
    const budget = new RateBudget({ store: new MemoryBucketStore() })
    const sent: number[] = []
    const all = takeMany(budget, 52, sent)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(47)
    await vi.advanceTimersByTimeAsync(499)
    expect(sent).toHaveLength(47)
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toHaveLength(48)
    await vi.advanceTimersByTimeAsync(2000)
    await Promise.all(all)
    expect(sent.slice(47).map((time) => time - T0)).toEqual([500, 1000, 1500, 2000, 2500])
  })

  it('drains 2 per second while idle: after 10 s, 20 more go at once', async () => {
    const store = new MemoryBucketStore()
    const budget = new RateBudget({ store })
    const sent: number[] = []
    takeMany(budget, 47, sent)
    await vi.advanceTimersByTimeAsync(10_000)
    takeMany(budget, 21, sent)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(47 + 20)
    expect(store.peek()?.level).toBeCloseTo(47 - 20 + 21, 9)
    await vi.advanceTimersByTimeAsync(500)
    expect(sent).toHaveLength(47 + 21)
  })

  it('a reload does not start with a full bucket: the record outlives the page', async () => {
    const store = new MemoryBucketStore()
    const sent: number[] = []
    takeMany(new RateBudget({ store }), 47, sent)
    await vi.advanceTimersByTimeAsync(0)
    const reloaded = new RateBudget({ store })
    takeMany(reloaded, 1, sent)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(47)
    await vi.advanceTimersByTimeAsync(500)
    expect(sent).toHaveLength(48)
  })
})

describe('tabs sharing one record', () => {
  it('two tabs opening big loads at once stay inside the portal’s bucket together, and finish near its minimum time', async () => {
    const store = new MemoryBucketStore()
    const tabs = [new RateBudget({ store }), new RateBudget({ store })]
    const sent: number[] = []
    const all = tabs.flatMap((tab) => takeMany(tab, 60, sent))
    await vi.advanceTimersByTimeAsync(60_000)
    await Promise.all(all)
    expect(sent).toHaveLength(120)
    expect(refusedByPortal(sent)).toBe(0)
    // The bucket's minimum for 120 requests is (120 − 50) / 2 = 35 s.
    expect(Math.max(...sent) - T0).toBeLessThanOrEqual(1.1 * 35_000)
  })

  it('(the same two tabs each with its own record overflow the portal: the sharing is what keeps them in)', async () => {
    const tabs = [new RateBudget({ store: new MemoryBucketStore() }), new RateBudget({ store: new MemoryBucketStore() })]
    const sent: number[] = []
    const all = tabs.flatMap((tab) => takeMany(tab, 60, sent))
    await vi.advanceTimersByTimeAsync(60_000)
    await Promise.all(all)
    expect(refusedByPortal(sent)).toBeGreaterThan(0)
  })

  it('a 5,000-item load (105 requests, four at a time, 150 ms each) takes within 1.1× of the bucket’s minimum, with no 503 even when the network adds up to 500 ms of jitter', async () => {
    const budget = new RateBudget({ store: new MemoryBucketStore() })
    const sent: number[] = []
    const arrivals: number[] = []
    let next = 0
    let jitter = 0
    const worker = async () => {
      while (next < 105) {
        next++
        await budget.take()
        sent.push(Date.now())
        // The portal counts the request when it arrives, somewhere within the network's jitter.
        jitter = (jitter + 137) % 500
        arrivals.push(Date.now() + jitter)
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
    }
    const done = Promise.all(Array.from({ length: 4 }, worker))
    await vi.advanceTimersByTimeAsync(60_000)
    await done
    expect(sent).toHaveLength(105)
    expect(refusedByPortal(arrivals)).toBe(0)
    // The bucket's minimum for 105 requests: (105 − 50) / 2 = 27.5 s.
    expect(Math.max(...sent) - T0).toBeLessThanOrEqual(1.1 * 27_500)
  })

  it('an abort while waiting rejects with the signal’s reason and gives the slot back', async () => {
    const store = new MemoryBucketStore()
    const tab = new RateBudget({ store })
    const other = new RateBudget({ store })
    const sent: number[] = []
    takeMany(tab, 47, sent)
    const controller = new AbortController()
    const waiting = tab.take(controller.signal)
    const outcome = waiting.then(
      () => 'sent',
      (error: unknown) => error,
    )
    await vi.advanceTimersByTimeAsync(100)
    controller.abort(new DOMException('The screen was left', 'AbortError'))
    await vi.advanceTimersByTimeAsync(0)
    expect(await outcome).toMatchObject({ name: 'AbortError' })
    // The other tab now gets the slot the aborted request held: 500 ms from the start, not 1,000.
    takeMany(other, 1, sent)
    await vi.advanceTimersByTimeAsync(400)
    expect(sent.map((time) => time - T0).slice(47)).toEqual([500])
  })

  it('a take already aborted sends nothing and takes no slot', async () => {
    const store = new MemoryBucketStore()
    const controller = new AbortController()
    controller.abort()
    await expect(new RateBudget({ store }).take(controller.signal)).rejects.toBeDefined()
    expect(store.peek()).toBeUndefined()
  })

  it('a 503 the portal still sends marks the bucket full for every tab', async () => {
    const store = new MemoryBucketStore()
    const tab = new RateBudget({ store })
    const other = new RateBudget({ store })
    const sent: number[] = []
    takeMany(tab, 10, sent)
    await vi.advanceTimersByTimeAsync(0)
    await tab.overflowed()
    expect(store.peek()?.level).toBe(50)
    takeMany(other, 2, sent)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(10)
    // Full at 50: the next fits at 47, (51 − 47) / 2 per s = 2 s later, then every 500 ms.
    await vi.advanceTimersByTimeAsync(2500)
    expect(sent.slice(10).map((time) => time - T0)).toEqual([2000, 2500])
  })

  it('a 503 keeps the slots already handed out: those waiting are counted above the full bucket', async () => {
    const store = new MemoryBucketStore()
    const tab = new RateBudget({ store })
    takeMany(tab, 51, [])
    await vi.advanceTimersByTimeAsync(0)
    await tab.overflowed()
    // 4 were waiting above the capacity of 47; the portal's 50 plus those 4.
    expect(store.peek()?.level).toBe(54)
  })
  it('503s that come back together (requests in flight at once) mark the bucket full once; a later one marks it again', async () => {
    const store = new MemoryBucketStore()
    const tabs = [new RateBudget({ store }), new RateBudget({ store })]
    takeMany(tabs[0]!, 20, [])
    await vi.advanceTimersByTimeAsync(0)
    await Promise.all([tabs[0]!.overflowed(), tabs[1]!.overflowed(), tabs[0]!.overflowed(), tabs[1]!.overflowed()])
    expect(store.peek()?.level).toBe(50)
    // 2 s later the record says 46; a new 503 says the portal is full again.
    await vi.advanceTimersByTimeAsync(2000)
    await tabs[1]!.overflowed()
    expect(store.peek()?.level).toBe(50)
    takeMany(tabs[0]!, 1, [])
    await vi.advanceTimersByTimeAsync(0)
    expect(store.peek()?.level).toBe(51)
  })
})

describe('the plan', () => {
  it('is wanted once per page, when the bucket gets half full, and not while another tab’s answer is fresh', async () => {
    const store = new MemoryBucketStore()
    const wanted = vi.fn()
    const tab = new RateBudget({ store, onPlanWanted: wanted })
    takeMany(tab, 24, [])
    await vi.advanceTimersByTimeAsync(0)
    expect(wanted).not.toHaveBeenCalled()
    takeMany(tab, 10, [])
    await vi.advanceTimersByTimeAsync(0)
    expect(wanted).toHaveBeenCalledTimes(1)

    await tab.learned('standard')
    const other = vi.fn()
    takeMany(new RateBudget({ store, onPlanWanted: other }), 5, [])
    await vi.advanceTimersByTimeAsync(0)
    expect(other).not.toHaveBeenCalled()
    // An hour on, the answer is stale: a page that gets half full asks again.
    await vi.advanceTimersByTimeAsync(PLAN_TTL_MS)
    const later = vi.fn()
    takeMany(new RateBudget({ store, onPlanWanted: later }), 30, [])
    await vi.advanceTimersByTimeAsync(0)
    expect(later).toHaveBeenCalledTimes(1)
  })

  it('Enterprise learned in one tab widens every tab to 250 / 5 (less a margin of 6)', async () => {
    const store = new MemoryBucketStore()
    const tab = new RateBudget({ store })
    const other = new RateBudget({ store })
    await tab.learned('enterprise')
    expect(tab.limits).toEqual(ENTERPRISE_LIMITS)
    expect(other.limits).toEqual(STANDARD_LIMITS)
    const sent: number[] = []
    takeMany(other, 245, sent)
    await vi.advanceTimersByTimeAsync(0)
    expect(other.limits).toEqual(ENTERPRISE_LIMITS)
    expect(sent).toHaveLength(244)
    await vi.advanceTimersByTimeAsync(200)
    expect(sent).toHaveLength(245)
    expect(refusedByPortal(sent, ENTERPRISE_LIMITS)).toBe(0)
  })

  it('a plan that turns out smaller than the record said (a downgrade) brings the level within the smaller bucket', async () => {
    const store = new MemoryBucketStore()
    const tab = new RateBudget({ store })
    await tab.learned('enterprise')
    takeMany(tab, 200, [])
    await vi.advanceTimersByTimeAsync(0)
    await tab.learned('standard')
    // The portal holds at most 50, not 200: 2 s to drain to 47, not 76 s.
    expect(store.peek()).toMatchObject({ level: 50, plan: 'standard' })
  })

  it('a 503 on Enterprise limits disproves the plan: every tab goes back to 50 / 2, full', async () => {
    const store = new MemoryBucketStore()
    const tab = new RateBudget({ store })
    const other = new RateBudget({ store })
    await tab.learned('enterprise')
    const sent: number[] = []
    takeMany(tab, 100, sent)
    await vi.advanceTimersByTimeAsync(0)
    await tab.overflowed()
    expect(tab.limits).toEqual(STANDARD_LIMITS)
    expect(store.peek()).toMatchObject({ level: 50, plan: 'standard' })
    // The other tab's next request waits for the standard bucket to drain to 47: 2 s.
    takeMany(other, 1, sent)
    await vi.advanceTimersByTimeAsync(1999)
    expect(sent).toHaveLength(100)
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toHaveLength(101)
  })
})

describe('where the record lives', () => {
  it('without SharedWorker and IndexedDB (jsdom, a browser that refuses both) each tab keeps its own record', () => {
    expect(sharedBucketStore('https://example.bitrix24.com')).toBeInstanceOf(MemoryBucketStore)
    expect(indexedDbStore('https://example.bitrix24.com', undefined)).toBeInstanceOf(MemoryBucketStore)
  })

  it('a shared store that stalls leaves the tab on its own record, from the last level it read', async () => {
    let stall = false
    const shared = new MemoryBucketStore()
    const flaky: BucketStore = { apply: (op) => (stall ? new Promise(() => undefined) : shared.apply(op)) }
    let own: MemoryBucketStore | undefined
    const store = new FallbackBucketStore(Promise.resolve(flaky), (lastSeen) => (own = new MemoryBucketStore(lastSeen)), 2000)
    const budget = new RateBudget({ store })
    const sent: number[] = []
    takeMany(budget, 40, sent)
    await vi.advanceTimersByTimeAsync(0)
    expect(store.fellBack).toBe(false)
    stall = true
    takeMany(budget, 10, sent)
    await vi.advanceTimersByTimeAsync(2000)
    expect(store.fellBack).toBe(true)
    // 40 were in the bucket 2 s ago and 4 drained since: the 10 fit, and the tab's own record goes on from 46.
    expect(sent).toHaveLength(50)
    expect(own?.peek()?.level).toBeCloseTo(46, 5)
  })

  it('a shared store that never opened: the tab works on its own', async () => {
    const store = new FallbackBucketStore(Promise.reject(new Error('IndexedDB refused to open')))
    const sent: number[] = []
    takeMany(new RateBudget({ store }), 3, sent)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(3)
    expect(store.fellBack).toBe(true)
  })
})

describe('the shared worker', () => {
  beforeEach(() => {
    vi.useRealTimers()
  })

  /** A worker serving one record, and a line to it per tab (MessageChannels stand in for SharedWorker ports). */
  function worker() {
    const record = new MemoryBucketStore()
    const stores = new Map<string, BucketStore>()
    const lines: WorkerLine[] = []
    const connect = () => {
      const channel = new MessageChannel()
      serveBucketPort(channel.port1, (key) => stores.get(key) ?? (stores.set(key, key === 'portal-a' ? record : new MemoryBucketStore()), stores.get(key)!))
      const line = new WorkerLine(channel.port2)
      lines.push(line)
      return line
    }
    const close = () => lines.forEach((line) => line.close())
    return { record, connect, close }
  }

  it('two tabs taking slots through the worker share one record: together they get 47 at once, then one every 500 ms', async () => {
    const shared = worker()
    const waits: number[] = []
    const wait = async (ms: number) => void waits.push(ms)
    const tabs = [shared.connect(), shared.connect()].map((line) => new RateBudget({ store: line.store('portal-a'), wait }))
    await Promise.all(tabs.flatMap((tab) => Array.from({ length: 25 }, () => tab.take())))
    shared.close()
    expect(waits).toHaveLength(3)
    expect(waits.map((ms) => Math.round(ms / 100) * 100)).toEqual([500, 1000, 1500])
    expect(shared.record.peek()?.level).toBeCloseTo(50, 1)
  })

  it('each portal has its own record in the worker', async () => {
    const shared = worker()
    const line = shared.connect()
    await line.store('portal-a').apply({ kind: 'take' })
    const other = await line.store('portal-b').apply({ kind: 'take' })
    shared.close()
    expect(other.record.level).toBe(1)
  })

  it('a worker that did not start fails every op at once, so the tab moves on to the next store without waiting', async () => {
    const channel = new MessageChannel()
    const line = new WorkerLine(channel.port2)
    const store = new FallbackBucketStore(Promise.resolve(line.store('portal-a')))
    const pending = store.apply({ kind: 'take' })
    line.fail(new Error('The rate budget worker did not start'))
    await expect(pending).resolves.toMatchObject({ waitMs: 0 })
    expect(store.fellBack).toBe(true)
    channel.port1.close()
  })
})

describe('callMethod under the budget', () => {
  afterEach(() => {
    setFrameSourceForTests(connectToPortal)
    setRetrySleepForTests((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    resetSessionForTests()
  })

  function frame(answer: (method: string) => unknown) {
    const sent: { method: string; at: number }[] = []
    const make = vi.fn(async ({ method }: { method: string }) => {
      sent.push({ method, at: Date.now() })
      const result = answer(method)
      if (result instanceof Error) throw result
      return { isSuccess: true, getData: () => ({ result, time: {} }), getTotal: () => 0, isMore: () => false }
    })
    const b24 = { actions: { v2: { call: { make } } } } as unknown as B24Frame
    setFrameSourceForTests(async () => b24)
    return sent
  }

  it('every HTTP request takes a slot: the 48th call of a page waits for the bucket', async () => {
    const sent = frame(() => 'ok')
    const calls = Array.from({ length: 48 }, (_, i) => callMethod('tasks.api.scrum.task.get', { id: i }))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(47)
    await vi.advanceTimersByTimeAsync(1000)
    await Promise.all(calls)
    // Half full, the page asked for its plan, after the calls already queued (this fake portal
    // answers without a licence: the standard limits stay).
    expect(sent.slice(47).map((request) => [request.method, request.at - T0])).toEqual([
      ['tasks.api.scrum.task.get', 500],
      ['app.info', 1000],
    ])
  })

  it('a 503 the portal sends is retried only once the shared bucket has room again', async () => {
    setRetrySleepForTests((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    let refused = false
    const sent = frame((method) => {
      if (method === 'app.info') return Object.assign(new Error('Method not found!'), { code: 'ERROR_METHOD_NOT_FOUND', status: 404 })
      if (refused) return 'ok'
      refused = true
      return Object.assign(new Error('Too many requests'), { code: 'QUERY_LIMIT_EXCEEDED', status: 503 })
    })
    const call = callMethod('tasks.api.scrum.task.get', { id: 1 })
    await vi.advanceTimersByTimeAsync(10_000)
    await expect(call).resolves.toBe('ok')
    // The retry waits 1.5 s (callMethod's own delay), then for the full bucket: (51 − 47) / 2 s from the 503.
    const reads = sent.filter((request) => request.method !== 'app.info')
    expect(reads.map((request) => request.at - T0)).toEqual([0, 2000])
  })
})
