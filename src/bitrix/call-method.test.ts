import { afterEach, describe, expect, it, vi } from 'vitest'
import type { B24Frame } from './frame'
import { callBatch, callBatchChunks, callMethod, setRetrySleepForTests, toPhpQuery, setFrameSourceForTests } from './call-method'
import { connectToPortal } from './frame'
import { RestError } from './rest-error'
import { isSessionEnded, resetSessionForTests } from './session'

function fakeFrame(answer: (method: string, params: Record<string, unknown>) => unknown) {
  const make = vi.fn(async ({ method, params }: { method: string; params: Record<string, unknown> }) => {
    const result = answer(method, params)
    return {
      isSuccess: true,
      getData: () => ({ result, time: {} }),
      getTotal: () => 0,
      isMore: () => false,
      getErrors: () => [][Symbol.iterator](),
    }
  })
  const frame = { actions: { v2: { call: { make } } } } as unknown as B24Frame
  setFrameSourceForTests(async () => frame)
  return make
}

afterEach(() => setFrameSourceForTests(connectToPortal))

describe('toPhpQuery', () => {
  it('writes nested params in PHP bracket notation, as batch commands need', () => {
    expect(toPhpQuery({ id: 5, fields: { groupId: 12, createdBy: 3 }, select: ['ID', 'NAME'] })).toBe(
      'id=5&fields[groupId]=12&fields[createdBy]=3&select[0]=ID&select[1]=NAME'.replace(/\[|\]/g, (c) =>
        encodeURIComponent(c),
      ),
    )
  })

  it('encodes text safely and sends false as an empty value (PHP "empty")', () => {
    expect(toPhpQuery({ filter: { '%NAME': 'R&D <Core>', '!SCRUM_MASTER_ID': false } })).toBe(
      `${encodeURIComponent('filter[%NAME]')}=${encodeURIComponent('R&D <Core>')}&${encodeURIComponent('filter[!SCRUM_MASTER_ID]')}=`,
    )
  })
})

describe('callBatch', () => {
  it('sends one batch request and gives each command its own outcome with the portal’s error text', async () => {
    const make = fakeFrame(() => ({
      result: { a: { id: 1 }, c: { workgroups: [] } },
      result_error: { b: { error: 0, error_description: 'Backlog not found' } },
      result_total: { c: 120 },
      result_next: { c: 50 },
      result_time: {},
    }))
    const outcome = await callBatch({
      a: ['tasks.api.scrum.backlog.get', { id: 1 }],
      b: ['tasks.api.scrum.backlog.get', { id: 2 }],
      c: ['socialnetwork.api.workgroup.list', {}],
    })
    expect(make).toHaveBeenCalledTimes(1)
    expect(make.mock.calls[0]![0].method).toBe('batch')
    expect(make.mock.calls[0]![0].params).toEqual({
      halt: 0,
      cmd: {
        a: 'tasks.api.scrum.backlog.get?id=1',
        b: 'tasks.api.scrum.backlog.get?id=2',
        c: 'socialnetwork.api.workgroup.list?',
      },
    })
    expect(outcome.a).toEqual({ ok: true, result: { id: 1 } })
    expect(outcome.c).toEqual({ ok: true, result: { workgroups: [] }, total: 120, next: 50 })
    expect(outcome.b.ok).toBe(false)
    const error = (outcome.b as { error: RestError }).error
    expect([error.code, error.description, error.method]).toEqual(['0', 'Backlog not found', 'tasks.api.scrum.backlog.get'])
  })

  it('refuses more than 50 commands rather than letting the portal drop the rest', async () => {
    fakeFrame(() => ({}))
    const commands = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, ['user.current'] as const]))
    await expect(callBatch(commands)).rejects.toThrow(RangeError)
  })

  it('splits long runs into batches of 50 and reports progress', async () => {
    const make = fakeFrame((_method, params) => {
      const cmd = params.cmd as Record<string, string>
      return { result: Object.fromEntries(Object.keys(cmd).map((key) => [key, true])), result_error: [] }
    })
    const progress: number[] = []
    const outcomes = await callBatchChunks(
      Array.from({ length: 120 }, (_, i) => ['tasks.api.scrum.task.get', { id: i + 1 }] as const),
      { onProgress: (done) => progress.push(done) },
    )
    expect(make).toHaveBeenCalledTimes(3)
    expect(outcomes).toHaveLength(120)
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true)
    expect(progress).toEqual([50, 100, 120])
  })

  it('keeps up to four read batches in flight, and answers in the commands’ order', async () => {
    let inFlight = 0
    let most = 0
    const make = vi.fn(async ({ params }: { params: Record<string, unknown> }) => {
      inFlight++
      most = Math.max(most, inFlight)
      const keys = Object.keys(params.cmd as Record<string, string>)
      // Later batches answer sooner: order must come from the commands, not from the answers.
      await new Promise((resolve) => setTimeout(resolve, 40 - Number(keys[0]!.slice(1)) / 25))
      inFlight--
      return { isSuccess: true, getData: () => ({ result: { result: Object.fromEntries(keys.map((key) => [key, Number(key.slice(1))])) }, time: {} }) }
    })
    setFrameSourceForTests(async () => ({ actions: { v2: { call: { make } } } }) as unknown as B24Frame)
    const outcomes = await callBatchChunks<number>(
      Array.from({ length: 500 }, (_, i) => ['tasks.api.scrum.task.get', { id: i }] as const),
      { concurrency: 4 },
    )
    expect(make).toHaveBeenCalledTimes(10)
    expect(most).toBe(4)
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.result : -1))).toEqual(Array.from({ length: 500 }, (_, i) => i))
  })

  it('sends no further batch once its screen is gone (the signal aborts)', async () => {
    const controller = new AbortController()
    const make = fakeFrame((_method, params) => {
      controller.abort()
      const cmd = params.cmd as Record<string, string>
      return { result: Object.fromEntries(Object.keys(cmd).map((key) => [key, true])), result_error: [] }
    })
    await expect(
      callBatchChunks(
        Array.from({ length: 500 }, (_, i) => ['tasks.api.scrum.task.get', { id: i }] as const),
        { concurrency: 2, signal: controller.signal },
      ),
    ).rejects.toThrow()
    // The two already on their way were let finish; none of the other eight was sent.
    expect(make).toHaveBeenCalledTimes(2)
  })

  it('hands over each batch as it arrives, and starts no further batch after one failed', async () => {
    setRetrySleepForTests(async () => undefined)
    const make = vi.fn(async ({ params }: { params: Record<string, unknown> }) => {
      const keys = Object.keys(params.cmd as Record<string, string>)
      await new Promise((resolve) => setTimeout(resolve, 10))
      // The third batch's connection drops every time, its retries included.
      if (keys[0] === 'c100') throw new Error('connection dropped')
      return { isSuccess: true, getData: () => ({ result: { result: Object.fromEntries(keys.map((key) => [key, true])) }, time: {} }) }
    })
    setFrameSourceForTests(async () => ({ actions: { v2: { call: { make } } } }) as unknown as B24Frame)
    const arrived: number[] = []
    await expect(
      callBatchChunks(
        Array.from({ length: 500 }, (_, i) => ['tasks.api.scrum.task.get', { id: i }] as const),
        { concurrency: 2, onChunk: (outcomes, offset) => arrived.push(offset, outcomes.length) },
      ),
    ).rejects.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 200))
    // Batches 1 and 2 arrived and were handed over; batch 3 failed after its retries, while the other
    // lane went on; once it failed, no further batch was started.
    expect(arrived.slice(0, 4)).toEqual([0, 50, 50, 50])
    const started = new Set(make.mock.calls.map(([call]) => Object.keys(call.params.cmd as Record<string, string>)[0]))
    expect(started.size).toBeLessThan(10)
    expect(started.has('c450')).toBe(false)
  })
})

describe('callMethod', () => {
  it('returns the result of the method', async () => {
    fakeFrame((method) => (method === 'user.current' ? { ID: '1' } : null))
    await expect(callMethod('user.current')).resolves.toEqual({ ID: '1' })
  })
})

describe('what is sent again', () => {
  const failure = (code: string, status: number) => Object.assign(new Error(code), { code, status })

  function flakyFrame(failures: Error[]) {
    const make = vi.fn(async () => {
      const next = failures.shift()
      if (next) throw next
      return { isSuccess: true, getData: () => ({ result: 'done', time: {} }), getTotal: () => 0, isMore: () => false }
    })
    setFrameSourceForTests(async () => ({ actions: { v2: { call: { make } } } }) as unknown as B24Frame)
    return make
  }

  afterEach(() => {
    setRetrySleepForTests((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    resetSessionForTests()
  })

  it('a read is sent again after a network failure', async () => {
    setRetrySleepForTests(async () => {})
    const make = flakyFrame([failure('NETWORK_ERROR', 0)])
    await expect(callMethod('tasks.api.scrum.task.get', { id: 1 })).resolves.toBe('done')
    expect(make).toHaveBeenCalledTimes(2)
  })

  it('a create that timed out is never sent again: the portal may have made it', async () => {
    setRetrySleepForTests(async () => {})
    const make = flakyFrame([failure('REQUEST_TIMEOUT', 408)])
    const error = await callMethod('tasks.task.add', { fields: { TITLE: 'x' } }).catch((e: unknown) => e)
    expect(make).toHaveBeenCalledTimes(1)
    expect(error).toBeInstanceOf(RestError)
    expect((error as RestError).outcomeUnknown).toBe(true)
  })

  it('a batch holding a write is not sent again after a 5xx; one of reads is', async () => {
    setRetrySleepForTests(async () => {})
    const make = flakyFrame([failure('BAD_GATEWAY', 502), failure('BAD_GATEWAY', 502)])
    await expect(callBatch({ a: ['tasks.api.scrum.task.update', { id: 1, fields: { sort: 2 } }] })).rejects.toMatchObject({
      code: 'BAD_GATEWAY',
      outcomeUnknown: true,
    })
    expect(make).toHaveBeenCalledTimes(1)
    const reads = flakyFrame([failure('BAD_GATEWAY', 502)])
    await callBatch({ a: ['tasks.api.scrum.task.get', { id: 1 }] }).catch(() => undefined)
    expect(reads).toHaveBeenCalledTimes(2)
  })

  it('a write the portal refused for its rate limit is sent again, after waiting', async () => {
    const waits: number[] = []
    setRetrySleepForTests(async (ms) => void waits.push(ms))
    const make = flakyFrame([failure('QUERY_LIMIT_EXCEEDED', 503), failure('QUERY_LIMIT_EXCEEDED', 503)])
    await expect(callMethod('tasks.api.scrum.epic.add', { fields: { name: 'x' } })).resolves.toBe('done')
    expect(make).toHaveBeenCalledTimes(3)
    expect(waits).toEqual([1500, 2250])
  })

  it('once the session has ended, calls fail at once without reaching the portal', async () => {
    const make = flakyFrame([failure('expired_token', 401)])
    await expect(callMethod('user.current')).rejects.toMatchObject({ status: 401 })
    expect(isSessionEnded()).toBe(true)
    await expect(callMethod('user.current')).rejects.toMatchObject({ code: 'SESSION_ENDED' })
    expect(make).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['NETWORK_ERROR', 0, true],
    ['REQUEST_TIMEOUT', 408, true],
    ['INTERNAL_SERVER_ERROR', 500, true],
    ['QUERY_LIMIT_EXCEEDED', 503, false],
    ['0', 400, false],
    ['ACCESS_DENIED', 403, false],
  ])('%s (%i): outcome unknown = %s', (code, status, unknown) => {
    expect(new RestError({ code, description: '', status, method: 'x' }).outcomeUnknown).toBe(unknown)
  })
})
