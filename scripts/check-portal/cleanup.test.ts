import { afterEach, describe, expect, it } from 'vitest'
import { Cleanup, type Resource } from './cleanup'
import type { Check, CheckContext } from './context'
import { startDevPortal, type DevPortal } from './devPortal'
import type { Exchange } from './http'
import { runPassed } from './model'
import { runSuite, type SuiteOptions } from './run'
import { register } from './checks/write/resources'

const answer = (status: number, body: unknown): Exchange => ({ method: 'x', params: {}, status, body, ms: 1, retries: 0 })

describe('Cleanup', () => {
  it('removes in dependency order: tasks, epics, sprints, backlogs, groups; newest first within a kind', async () => {
    const removed: string[] = []
    const cleanup = new Cleanup()
    const add = (kind: Resource['kind'], id: number) =>
      cleanup.add({ kind, id, label: `${kind} ${id}`, remove: async () => (removed.push(`${kind} ${id}`), answer(200, { result: true })) })
    add('group', 1)
    add('backlog', 2)
    add('task', 3)
    add('sprint', 4)
    add('task', 5)
    add('epic', 6)
    const outcomes = await cleanup.removeAll()
    expect(removed).toEqual(['task 5', 'task 3', 'epic 6', 'sprint 4', 'backlog 2', 'group 1'])
    expect(outcomes.every((o) => o.ok)).toBe(true)
    expect(cleanup.pending()).toEqual([])
  })

  it('goes on after a failed or throwing delete, counts "already gone" as removed and keeps what stayed', async () => {
    const cleanup = new Cleanup()
    cleanup.add({ kind: 'task', id: 1, label: 'task 1', remove: () => Promise.reject(new Error('socket hang up')) })
    cleanup.add({ kind: 'epic', id: 2, label: 'epic 2', remove: async () => answer(400, { error: '0', error_description: 'Epic not found' }), gone: () => true })
    cleanup.add({ kind: 'backlog', id: 3, label: 'backlog 3', remove: async () => answer(400, { error: '0', error_description: 'It is forbidden remove a backlog with items' }) })
    cleanup.add({ kind: 'group', id: 4, label: 'group 4', remove: async () => answer(200, { result: true }) })
    cleanup.done('group', 4)
    expect(await cleanup.removeAll()).toEqual([
      { label: 'task 1', ok: false, detail: 'socket hang up' },
      { label: 'epic 2', ok: true, detail: 'removed' },
      { label: 'backlog 3', ok: false, detail: '400 0: It is forbidden remove a backlog with items' },
    ])
    expect(cleanup.pending().map((r) => r.label)).toEqual(['task 1', 'backlog 3'])
  })
})

describe('cleanup after a failing run (in-process dev portals)', () => {
  const portals: DevPortal[] = []
  afterEach(async () => {
    await Promise.all(portals.splice(0).map((p) => p.close()))
  })

  async function suite(checks: Check[], controller = new AbortController()) {
    const target = await startDevPortal()
    const reference = await startDevPortal()
    portals.push(target, reference)
    const pace = { burst: 1000, perSecond: 1000 }
    const options: SuiteOptions = {
      target: { label: 'target', webhookUrl: target.webhookUrl, pacer: pace },
      reference: { label: 'reference', webhookUrl: reference.webhookUrl, pacer: pace },
      write: true,
      readOnlyReason: 'read-only',
      tag: 'check-portal-test',
      signal: controller.signal,
      checks: { read: [], write: checks },
    }
    return { result: await runSuite(options), target, reference }
  }

  /** On each portal: a task in the scrum discovery found, and an epic there, both registered for cleanup. */
  async function createBoth(ctx: CheckContext): Promise<void> {
    for (const side of ctx.sides) {
      const groupId = side.read!.groupId
      const task = await side.call('tasks.task.add', { fields: { TITLE: 'check-portal-test task', RESPONSIBLE_ID: side.me, GROUP_ID: groupId } })
      register(side, 'task', Number((task.body as { result: { task: { id: string } } }).result.task.id), 'task')
      const epic = await side.call('tasks.api.scrum.epic.add', { fields: { groupId, name: 'check-portal-test epic' } })
      register(side, 'epic', (epic.body as { result: { id: number } }).result.id, 'epic')
    }
  }

  const leftovers = (portal: DevPortal) => ({
    tasks: portal.portal.store.dump().tasks.filter((t) => t.title.startsWith('check-portal-test')).length,
    epics: portal.portal.store.dump().epics.filter((e) => e.name.startsWith('check-portal-test')).length,
  })

  it('removes what a check created before it threw, and reports the check as an error', async () => {
    const { result, target, reference } = await suite([
      {
        family: 'write: test',
        name: 'creates, then throws',
        write: true,
        async run(ctx) {
          await createBoth(ctx)
          expect(leftovers(portals[0]!)).toEqual({ tasks: 1, epics: 1 })
          throw new Error('boom')
        },
      },
    ])
    expect(result.rows).toMatchObject([{ label: 'creates, then throws', verdict: 'error', notes: [expect.stringContaining('boom')] }])
    expect(result.cleanup.map((c) => `${c.side} ${c.label.split(' ')[0]} ${c.ok}`)).toEqual(['target task true', 'target epic true', 'reference task true', 'reference epic true'])
    expect(leftovers(target)).toEqual({ tasks: 0, epics: 0 })
    expect(leftovers(reference)).toEqual({ tasks: 0, epics: 0 })
    expect(runPassed(result)).toBe(false)
  })

  it('still cleans up when the run is interrupted (Ctrl-C), and says it was', async () => {
    const controller = new AbortController()
    let after = false
    const { result, target } = await suite(
      [
        {
          family: 'write: test',
          name: 'interrupted',
          write: true,
          async run(ctx) {
            await createBoth(ctx)
            controller.abort()
            await ctx.target.call('user.current')
            after = true
          },
        },
      ],
      controller,
    )
    expect(after).toBe(false)
    expect(result.interrupted).toBe(true)
    expect(result.cleanup).toHaveLength(4)
    expect(result.cleanup.every((c) => c.ok)).toBe(true)
    expect(leftovers(target)).toEqual({ tasks: 0, epics: 0 })
    expect(result.answers.every((a) => a.unanswered === 'not asked (the run was interrupted before it)')).toBe(true)
  })
})
