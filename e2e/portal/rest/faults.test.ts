import { Agent, request } from 'node:http'
import { beforeEach, describe, expect, it } from 'vitest'
import { failure, SEED, systemErr, setupPortal, type Json } from '../test-helpers'

const t = setupPortal()
const { users, groups, backlogs, tasks } = SEED
const SERVER_ERROR = systemErr(500, 'INTERNAL_SERVER_ERROR', 'Internal server error')

beforeEach(async () => {
  await t.reset()
})

const fault = (spec: Record<string, unknown>) => t.control('faults', spec)
const storyPoints = (taskId: number) => t.portal.store.itemOf(taskId)?.storyPoints
const estimate = (taskId: number, points: string) => t.call('tasks.api.scrum.task.update', { id: taskId, fields: { storyPoints: points } })
const batch = (cmd: Record<string, string>, extra: Record<string, unknown> = {}) => t.call('batch', { ...extra, cmd })
const lastLogged = async (): Promise<Json> => (await t.control('requests')).at(-1)

describe('nth', () => {
  it('lets the first nth - 1 matching calls through and hits the nth, once', async () => {
    await fault({ method: 'batch', nth: 2, status: 500, error: 'INTERNAL_SERVER_ERROR' })
    const cmd = { me: 'user.current' }
    expect((await batch(cmd)).status).toBe(200)
    expect(failure(await batch(cmd))).toEqual(SERVER_ERROR)
    expect((await batch(cmd)).status).toBe(200)
    expect(await t.control('faults')).toEqual([])
  })

  it('count counts hits from the nth call on; GET /control/faults shows what is left', async () => {
    const { id } = await fault({ method: 'user.current', nth: 3, count: 2 })
    const statuses = []
    for (let i = 0; i < 5; i++) {
      statuses.push((await t.call('user.current')).status)
      if (i === 0) expect((await t.control('faults'))[0]).toMatchObject({ id, nth: 3, skip: 1, remaining: 2 })
    }
    expect(statuses).toEqual([200, 200, 400, 400, 200])
  })

  it('counts only calls that match: other methods, other params and (with inBatch: false) sub-calls do not count', async () => {
    await fault({ method: 'tasks.api.scrum.backlog.get', nth: 2, inBatch: false, match: { id: groups.mobile }, description: 'Unknown error' })
    const get = (id: number) => t.call('tasks.api.scrum.backlog.get', { id })
    expect((await get(groups.mobile)).status).toBe(200)
    expect((await get(groups.alpha)).status).toBe(200)
    expect((await batch({ a: `tasks.api.scrum.backlog.get?id=${groups.mobile}` })).body.result.result_error).toStrictEqual([])
    expect((await t.call('user.current')).status).toBe(200)
    expect(failure(await get(groups.mobile)).description).toBe('Unknown error')
  })

  it('every waiting fault counts a call, even one that another fault hits', async () => {
    await fault({ method: 'user.current', nth: 2, description: 'second' })
    await fault({ method: 'user.current', description: 'first' })
    expect(failure(await t.call('user.current')).description).toBe('first')
    expect(failure(await t.call('user.current')).description).toBe('second')
    expect((await t.call('user.current')).status).toBe(200)
  })
})

describe('match', () => {
  it('is a deep subset of the params; scalars compare as strings, so JSON, form and batch calls match alike', async () => {
    await fault({ method: 'tasks.api.scrum.task.update', match: { fields: { storyPoints: '5' } }, count: -1, description: 'Epic not found' })
    expect((await estimate(tasks.unestimated, '3')).status).toBe(200)
    expect((await t.call('tasks.api.scrum.task.update', { id: tasks.unestimated, fields: { epicId: 0 } })).status).toBe(200)
    expect(failure(await estimate(tasks.unestimated, '5')).description).toBe('Epic not found')
    const form = await t.call('tasks.api.scrum.task.update', { id: tasks.unestimated, fields: { storyPoints: '5', sort: 1 } }, { mode: 'form' })
    expect(failure(form).description).toBe('Epic not found')
    const sub = await batch({ a: `tasks.api.scrum.task.update?id=${tasks.unestimated}&fields[storyPoints]=5`, b: `tasks.api.scrum.task.update?id=${tasks.unestimated}&fields[storyPoints]=8` })
    expect(sub.body.result.result_error).toStrictEqual({ a: { error: '0', error_description: 'Epic not found' } })
    expect(storyPoints(tasks.unestimated)).toBe('8')
  })

  it('numbers match numeric strings; `start` and resolved $result references can be matched', async () => {
    await fault({ method: 'tasks.api.scrum.backlog.get', match: { id: String(groups.alpha) }, count: -1, description: 'Access denied' })
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: groups.alpha })).description).toBe('Access denied')
    const refs = await batch({ g: `socialnetwork.api.workgroup.get?params[groupId]=${groups.alpha}`, bl: 'tasks.api.scrum.backlog.get?id=$result[g][ID]' })
    expect(refs.body.result.result_error.bl.error_description).toBe('Access denied')

    await fault({ method: 'user.get', match: { start: 50 }, status: 500, error: 'INTERNAL_SERVER_ERROR' })
    expect((await t.call('user.get', { start: 0 })).status).toBe(200)
    expect(failure(await t.call('user.get', { start: 50 }))).toEqual(SERVER_ERROR)
  })

  it('leaves the fault waiting while nothing matches', async () => {
    await fault({ method: 'user.get', match: { FILTER: { ID: [users.qa] } } })
    expect((await t.call('user.get', { FILTER: { ID: [users.regular] } })).status).toBe(200)
    expect((await t.call('user.get', {})).status).toBe(200)
    expect(await t.control('faults')).toMatchObject([{ method: 'user.get', remaining: 1, match: { FILTER: { ID: [users.qa] } } }])
    expect((await t.call('user.get', { FILTER: { ID: [users.qa] } })).status).toBe(400)
  })
})

describe('before (the default)', () => {
  it('fails the call before it runs: nothing is written', async () => {
    await fault({ method: 'tasks.api.scrum.backlog.delete' })
    const r = await t.call('tasks.api.scrum.backlog.delete', { id: backlogs.mistakenBacklog })
    expect(failure(r)).toEqual({ status: 400, error: '0', description: 'Unknown error', keys: ['error', 'error_description'] })
    expect(t.portal.store.backlogOf(groups.mistakenBacklog)?.id).toBe(backlogs.mistakenBacklog)
  })
})

describe('after', () => {
  it('a direct call runs (its write is saved), then the failure is the answer', async () => {
    await fault({ method: 'tasks.api.scrum.task.update', after: true, status: 500, error: 'INTERNAL_SERVER_ERROR' })
    expect(failure(await estimate(tasks.unestimated, '21'))).toEqual(SERVER_ERROR)
    expect(storyPoints(tasks.unestimated)).toBe('21')
    expect(await lastLogged()).toMatchObject({ status: 500, error: 'INTERNAL_SERVER_ERROR', userId: users.admin })
    // Spent: the next call answers normally.
    expect((await estimate(tasks.unestimated, '1')).body.result).toBe(true)
  })

  it('replaces whatever the call answered, an error too', async () => {
    await fault({ method: 'tasks.api.scrum.backlog.get', after: true, description: 'Unknown error' })
    expect(failure(await t.call('tasks.api.scrum.backlog.get', { id: 0 })).description).toBe('Unknown error')
  })

  it('a batch sub-call runs, and its key goes to result_error; halt stops after it', async () => {
    await fault({ method: 'tasks.api.scrum.task.update', after: true, match: { fields: { storyPoints: '13' } }, description: 'Unable to update task' })
    const cmd = {
      a: `tasks.api.scrum.task.update?id=${tasks.unestimated}&fields[storyPoints]=13`,
      b: `tasks.api.scrum.task.update?id=${tasks.xlStoryPoints}&fields[storyPoints]=2`,
    }
    const r = await batch(cmd, { halt: 1 })
    expect(r.status).toBe(200)
    expect(r.body.result.result_error).toStrictEqual({ a: { error: '0', error_description: 'Unable to update task' } })
    expect(r.body.result.result).toStrictEqual([])
    expect(storyPoints(tasks.unestimated)).toBe('13')
    expect(storyPoints(tasks.xlStoryPoints)).toBe('XL')
  })

  it('method "batch": every sub-call runs, then the whole request fails', async () => {
    await fault({ method: 'batch', after: true, status: 503, error: 'QUERY_LIMIT_EXCEEDED' })
    const r = await batch({
      a: `tasks.api.scrum.task.update?id=${tasks.unestimated}&fields[storyPoints]=13`,
      b: `tasks.api.scrum.backlog.delete?id=${backlogs.mistakenBacklog}`,
    })
    expect(failure(r)).toEqual(systemErr(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests'))
    expect(storyPoints(tasks.unestimated)).toBe('13')
    expect(t.portal.store.backlogOf(groups.mistakenBacklog)).toBeUndefined()
  })

  it('with a delay: the method runs first, then the delay, then the failure', async () => {
    await fault({ method: 'tasks.api.scrum.task.update', after: true, delay: 400, description: 'Unknown error' })
    const started = performance.now()
    let answered = false
    const pending = estimate(tasks.unestimated, '34').finally(() => (answered = true))
    while (storyPoints(tasks.unestimated) !== '34' && performance.now() - started < 2000) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(storyPoints(tasks.unestimated)).toBe('34')
    expect(answered).toBe(false)
    expect(failure(await pending).description).toBe('Unknown error')
    expect(performance.now() - started).toBeGreaterThanOrEqual(390)
  })
})

describe('abort', () => {
  it('before: the connection drops with no answer and nothing is written', async () => {
    await fault({ method: 'tasks.api.scrum.task.update', abort: true })
    await expect(estimate(tasks.unestimated, '21')).rejects.toThrow()
    expect(storyPoints(tasks.unestimated)).toBe('')
    expect(await lastLogged()).toMatchObject({ methods: ['tasks.api.scrum.task.update'], status: 0, error: 'ABORTED', bytesOut: 0 })
    expect((await estimate(tasks.unestimated, '3')).status).toBe(200)
  })

  it('after: the write is saved, then the connection drops ("saved, but the answer was lost")', async () => {
    await fault({ method: 'tasks.api.scrum.task.update', abort: true, after: true })
    await expect(estimate(tasks.unestimated, '21')).rejects.toThrow()
    expect(storyPoints(tasks.unestimated)).toBe('21')
    expect(await lastLogged()).toMatchObject({ status: 0, error: 'ABORTED', userId: users.admin })
  })

  it('on a batch sub-call it drops the whole batch: earlier sub-calls ran, later ones never do', async () => {
    const cmd = {
      a: `tasks.api.scrum.task.update?id=${tasks.xlStoryPoints}&fields[storyPoints]=1`,
      b: `tasks.api.scrum.task.update?id=${tasks.unestimated}&fields[storyPoints]=2`,
      c: `tasks.api.scrum.backlog.delete?id=${backlogs.mistakenBacklog}`,
    }
    await fault({ method: 'tasks.api.scrum.task.update', abort: true, nth: 2 })
    await expect(batch(cmd)).rejects.toThrow()
    expect([storyPoints(tasks.xlStoryPoints), storyPoints(tasks.unestimated)]).toEqual(['1', ''])
    expect(t.portal.store.backlogOf(groups.mistakenBacklog)).toBeDefined()
    expect(await lastLogged()).toMatchObject({ methods: ['batch', 'tasks.api.scrum.task.update', 'tasks.api.scrum.task.update', 'tasks.api.scrum.backlog.delete'], status: 0, error: 'ABORTED' })

    await t.reset()
    await fault({ method: 'tasks.api.scrum.task.update', abort: true, after: true, nth: 2 })
    await expect(batch(cmd)).rejects.toThrow()
    expect([storyPoints(tasks.xlStoryPoints), storyPoints(tasks.unestimated)]).toEqual(['1', '2'])
    expect(t.portal.store.backlogOf(groups.mistakenBacklog)).toBeDefined()
  })

  it('method "batch" with after: all sub-calls run, then the connection drops', async () => {
    await fault({ method: 'batch', abort: true, after: true })
    await expect(batch({ a: `tasks.api.scrum.backlog.delete?id=${backlogs.mistakenBacklog}` })).rejects.toThrow()
    expect(t.portal.store.backlogOf(groups.mistakenBacklog)).toBeUndefined()
  })

  it('no connection is kept alive while an abort fault waits (browsers resend a request dropped on a reused one)', async () => {
    expect((await t.call('user.current')).headers.get('connection')).toBe('keep-alive')
    await fault({ method: 'tasks.api.scrum.task.update', abort: true })
    expect(await t.control('faults')).toMatchObject([{ abort: true, status: 0, error: null }])
    expect((await t.call('user.current')).headers.get('connection')).toBe('close')
    await expect(estimate(tasks.unestimated, '21')).rejects.toThrow()
    expect((await t.call('user.current')).headers.get('connection')).toBe('keep-alive')
  })

  it('connections idle or busy when the abort fault arrives are closed (the busy one once answered)', async () => {
    await fault({ method: 'user.current', delay: 200, error: null, match: { slow: 'y' } })
    const token = await t.token()
    const agent = new Agent({ keepAlive: true })
    /** A call on a keep-alive agent: when it is answered, and whether the server then closes its connection. */
    const call = (query: string) =>
      new Promise<{ answered: Promise<void>; closed: Promise<boolean> }>((ready) => {
        let answered!: () => void
        const answer = new Promise<void>((resolve) => (answered = resolve))
        const req = request(`${t.url}/rest/user.current?auth=${token}&${query}`, { agent }, (res) => res.resume().on('end', answered))
        req.on('error', () => {})
        req.on('socket', (socket) => {
          const closed = new Promise<boolean>((resolve) => {
            socket.once('close', () => resolve(true))
            setTimeout(() => resolve(false), 2000)
          })
          ready({ answered: answer, closed })
        })
        req.end()
      })
    try {
      const busy = await call('slow=y')
      const idle = await call('slow=n')
      await idle.answered
      await fault({ method: 'tasks.api.scrum.task.update', abort: true })
      expect(await idle.closed).toBe(true)
      await busy.answered
      expect(await busy.closed).toBe(true)
    } finally {
      agent.destroy()
    }
  })
})

describe('POST /control/faults', () => {
  it('rejects a bad nth, match, after or abort with 400', async () => {
    for (const bad of [{ nth: 0 }, { nth: 1.5 }, { nth: '2' }, { match: [1] }, { match: 'id=1' }, { after: 'yes' }, { abort: 1 }]) {
      expect((await t.postJson('/control/faults', { method: 'user.current', ...bad })).status).toBe(400)
    }
    expect(await t.control('faults')).toEqual([])
  })

  it('lists faults with every option', async () => {
    await fault({ method: 'Batch', nth: 2, match: { halt: 1 }, after: true, status: 500, error: 'INTERNAL_SERVER_ERROR', count: -1, delay: 5 })
    expect(await t.control('faults')).toEqual([
      {
        id: expect.any(Number), method: 'batch', remaining: -1, delay: 5, inBatch: true, status: 500, error: 'INTERNAL_SERVER_ERROR',
        description: 'Internal server error', nth: 2, skip: 1, match: { halt: 1 }, after: true, abort: false,
      },
    ])
  })
})
