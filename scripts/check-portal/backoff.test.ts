import { afterEach, describe, expect, it } from 'vitest'
import { startPortal, type RunningPortal } from '../../e2e/portal/server'
import { isRetryable, Pacer, retryDelayMs, type Clock } from './backoff'
import { Aborted, RestClient } from './http'

/** A clock that moves only when someone sleeps. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 0
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms)
      now += ms
    },
  }
}

describe('client-side pace', () => {
  it('lets a burst through, then paces at the drain rate', async () => {
    const clock = fakeClock()
    const pacer = new Pacer({ burst: 3, perSecond: 2 }, clock)
    for (let i = 0; i < 5; i++) await pacer.take()
    expect(clock.slept).toEqual([500, 500])
  })

  it('queues concurrent callers one after another', async () => {
    const clock = fakeClock()
    const pacer = new Pacer({ burst: 1, perSecond: 10 }, clock)
    await Promise.all([pacer.take(), pacer.take(), pacer.take()])
    expect(clock.slept).toEqual([100, 100])
  })

  it('believes the portal when it says the bucket is full', () => {
    const pacer = new Pacer({ burst: 50, perSecond: 2 }, fakeClock())
    expect(pacer.waitMs()).toBe(0)
    pacer.saturate()
    expect(pacer.waitMs()).toBe(500)
  })
})

describe('backoff', () => {
  it('retries only "not run, try later" answers', () => {
    expect(isRetryable(503, 'QUERY_LIMIT_EXCEEDED')).toBe(true)
    expect(isRetryable(429, 'OPERATION_TIME_LIMIT')).toBe(true)
    expect(isRetryable(503, 'INTERNAL_SERVER_ERROR')).toBe(false)
    expect(isRetryable(400, 'QUERY_LIMIT_EXCEEDED')).toBe(false)
  })

  it('doubles the wait after each 503 up to a cap, then gives up', () => {
    const waits = Array.from({ length: 7 }, (_, i) => retryDelayMs('QUERY_LIMIT_EXCEEDED', i))
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, null, null])
    expect(retryDelayMs('QUERY_LIMIT_EXCEEDED', 0, undefined, { jitter: 0.5 })).toBe(1125)
  })

  it('waits for the operating budget to reset after a 429, twice at most', () => {
    expect(retryDelayMs('OPERATION_TIME_LIMIT', 0, undefined, { nowMs: 1000, resetAtMs: 61_000 })).toBe(60_000)
    expect(retryDelayMs('OPERATION_TIME_LIMIT', 1)).toBe(30_000)
    expect(retryDelayMs('OPERATION_TIME_LIMIT', 2)).toBeNull()
  })
})

describe('RestClient against a dev portal', () => {
  let portal: RunningPortal | undefined
  afterEach(async () => {
    await portal?.close()
    portal = undefined
  })

  it('waits out QUERY_LIMIT_EXCEEDED and sends the call again', async () => {
    portal = await startPortal({ port: 0, rateLimit: { burst: 2, drainPerSecond: 20 } })
    // A pacer that does not know the portal's limit, so the portal has to refuse.
    const client = new RestClient({ webhookUrl: portal.webhookUrl, pacer: new Pacer({ burst: 100, perSecond: 100 }), retry: { maxAttempts: 8, baseMs: 30, capMs: 200, operatingMs: 100 } })
    const answers = await Promise.all(Array.from({ length: 6 }, () => client.call('user.current')))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(client.retries).toBeGreaterThan(0)
    expect(client.requests).toBe(6 + client.retries)
  })

  it('gives up on a request that takes too long (status 0, a network error)', async () => {
    portal = await startPortal({ port: 0, rateLimit: false })
    portal.state.latencyMs = 500
    const client = new RestClient({ webhookUrl: portal.webhookUrl, pacer: new Pacer({ burst: 10, perSecond: 10 }), timeoutMs: 50 })
    const ex = await client.call('user.current')
    expect(ex.status).toBe(0)
    expect(ex.networkError).toMatch(/^TimeoutError/)
  })

  it('sends nothing once the run is interrupted, unless told to (cleanup)', async () => {
    portal = await startPortal({ port: 0, rateLimit: false })
    const controller = new AbortController()
    const client = new RestClient({ webhookUrl: portal.webhookUrl, pacer: new Pacer({ burst: 10, perSecond: 10 }), signal: controller.signal })
    controller.abort()
    await expect(client.call('user.current')).rejects.toBeInstanceOf(Aborted)
    expect((await client.call('user.current', {}, { ignoreAbort: true })).status).toBe(200)
  })
})
