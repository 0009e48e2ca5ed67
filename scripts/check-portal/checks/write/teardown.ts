/**
 * Removing what the run made, as checks of their own: the documented refusals first (a backlog with
 * items, an epic already deleted), then tasks, epic, backlog and the groups. What a step here could
 * not remove is left registered, and the final cleanup tries again and reports it.
 */
import type { Check, Side } from '../../context'
import { engine, GROUP_NOT_FOUND } from '../../docs'
import { removed } from './resources'

export const teardownCheck: Check = {
  family: 'write: teardown',
  name: 'delete what the run created',
  write: true,
  async run(ctx) {
    const backlog = ctx.need('tasks.api.scrum.backlog.delete', 'the backlog the run added', (s) => s.w.backlogId)
    const tasks = ctx.need('tasks.task.delete', 'both tasks the run created', (s) => (s.w.taskId && s.w.orphanTaskId ? ([s.w.taskId, s.w.orphanTaskId] as const) : undefined))
    await ctx.both('tasks.api.scrum.backlog.delete with items', {
      request: (s) => s.call('tasks.api.scrum.backlog.delete', { id: backlog[s.name] }),
      created: (ex, s) => removed(s, 'backlog', backlog[s.name], ex),
      contract: (e, ex) => e.error(ex, engine('It is forbidden remove a backlog with items')),
    })

    if (ctx.target.w.epicId && ctx.reference.w.epicId) {
      const epic = { target: ctx.target.w.epicId, reference: ctx.reference.w.epicId }
      await ctx.both('tasks.api.scrum.epic.delete', {
        request: (s) => s.call('tasks.api.scrum.epic.delete', { id: epic[s.name] }),
        created: (ex, s) => removed(s, 'epic', epic[s.name], ex),
        contract: (e, ex) => void e.equal('result', e.success(ex), []),
      })
      await ctx.both('tasks.api.scrum.epic.delete again', {
        request: (s) => s.call('tasks.api.scrum.epic.delete', { id: epic[s.name] }),
        contract: (e, ex) => e.error(ex, engine('Epic not found')),
      })
    } else ctx.skip('tasks.api.scrum.epic.delete', 'needs the epic the run created, which one of the portals does not have')

    for (const [i, what] of [[0, 'the task'], [1, 'the task created without a backlog']] as const) {
      await ctx.both(`tasks.task.delete ${what}`, {
        request: (s) => s.call('tasks.task.delete', { taskId: tasks[s.name][i] }),
        created: (ex, s) => removed(s, 'task', tasks[s.name][i], ex),
        // `{task: true}` (digest §7.3).
        contract: (e, ex) => void e.equal('result', e.success(ex), { task: true }),
      })
    }
    await ctx.both('tasks.api.scrum.backlog.delete (empty)', {
      request: (s) => s.call('tasks.api.scrum.backlog.delete', { id: backlog[s.name] }),
      created: (ex, s) => removed(s, 'backlog', backlog[s.name], ex),
      contract: (e, ex) => void e.equal('result', e.success(ex), []),
    })
  },
}

export const groupTeardownCheck: Check = {
  family: 'write: teardown',
  name: 'sonet_group.delete',
  write: true,
  async run(ctx) {
    for (const kind of ['scrum', 'plain'] as const) {
      const pick = (s: Side) => (kind === 'scrum' ? s.w.groupId : s.w.plainGroupId)
      const t = pick(ctx.target)
      const r = pick(ctx.reference)
      if (!t || !r) {
        ctx.skip(`sonet_group.delete the ${kind} group`, `needs the ${kind} group the run created, which the ${!t ? 'target' : 'dev portal'} does not have`)
        continue
      }
      const group = { target: t, reference: r }
      await ctx.both(`sonet_group.delete the ${kind} group`, {
        request: (s) => s.call('sonet_group.delete', { GROUP_ID: group[s.name] }),
        created: (ex, s) => removed(s, 'group', group[s.name], ex),
        // `result: true` (sonet_group.delete page).
        contract: (e, ex) => void e.equal('result', e.success(ex), true),
      })
      if (kind === 'scrum') {
        await ctx.both('sonet_group.delete again', {
          request: (s) => s.call('sonet_group.delete', { GROUP_ID: group[s.name] }),
          // The page's error table: code "" (empty), HTTP 400.
          contract: (e, ex) => e.error(ex, { status: 400, code: '', text: GROUP_NOT_FOUND }),
        })
      }
    }
  },
}
