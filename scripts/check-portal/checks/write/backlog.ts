/**
 * The backlog of the run's scrum: whether the group came with one, a task created while it had
 * none (so it has no scrum item: the subject of open question 3), backlog.add / update and their
 * documented errors, then question 3 itself.
 */
import type { Check } from '../../context'
import { BACKLOG, binderMissing, engine } from '../../docs'
import { summarize } from '../../compare'
import { detectAutoAdd, detectCreateBacklog, QUESTIONS } from '../../questions'
import { field } from '../util'
import { createdId, register, removed } from './resources'
import { expectCreatedTask, GET, updateAndGet, UPDATE } from './steps'

export const backlogWriteCheck: Check = {
  family: 'write: backlog',
  name: 'backlog add/update, a task without a scrum item',
  write: true,
  async run(ctx) {
    const group = ctx.need('tasks.api.scrum.backlog.get', 'the scrum group the run created', (s) => s.w.groupId)
    const first = await ctx.both('tasks.api.scrum.backlog.get right after sonet_group.create', {
      request: (s) => s.call('tasks.api.scrum.backlog.get', { id: group[s.name] }),
      informational: true,
    })
    ctx.answer('createBacklog', QUESTIONS.createBacklog, { target: detectCreateBacklog(first.target), reference: detectCreateBacklog(first.reference) })
    // A portal that made a backlog with the group: remove it (it is empty), so the next task gets no scrum item.
    for (const side of ctx.sides) {
      const made = createdId(first[side.name])
      if (!made) continue
      register(side, 'backlog', made, 'backlog the group came with')
      const ex = await side.call('tasks.api.scrum.backlog.delete', { id: made })
      removed(side, 'backlog', made, ex)
      ctx.note(`${side.name}: deleted the backlog ${made} the group came with: ${summarize(ex)}`)
    }

    await ctx.both('tasks.task.add GROUP_ID = the scrum, while it has no backlog', {
      request: (s) => s.call('tasks.task.add', { fields: { TITLE: `${ctx.run.tag} task without a scrum item`, RESPONSIBLE_ID: s.me, GROUP_ID: group[s.name] } }),
      created(ex, s) {
        const id = createdId(ex)
        if (!id) return
        s.w.orphanTaskId = id
        register(s, 'task', id, 'task without a scrum item')
      },
      contract: (e, ex, s) => expectCreatedTask(e, ex, group[s.name]),
    })
    const orphan = ctx.need(GET, 'the task created without a backlog', (s) => s.w.orphanTaskId)
    await ctx.both(`${GET} on it: a task without a scrum item`, {
      request: (s) => s.call(GET, { id: orphan[s.name] }),
      contract: (e, ex) => e.error(ex, engine('Task not found')),
    })

    await ctx.both('tasks.api.scrum.backlog.add {groupId, createdBy}', {
      request: (s) => s.call('tasks.api.scrum.backlog.add', { fields: { groupId: group[s.name], createdBy: s.me } }),
      created(ex, s) {
        const id = createdId(ex)
        if (!id) return
        s.w.backlogId = id
        register(s, 'backlog', id, 'backlog')
      },
      contract(e, ex, s) {
        const result = e.success(ex)
        if (!e.object('result', result, BACKLOG)) return
        e.equal('result.groupId', field(result, 'groupId'), group[s.name])
        e.equal('result.createdBy', field(result, 'createdBy'), s.me)
      },
    })
    const backlog = ctx.need('tasks.api.scrum.backlog.add again', 'the backlog the run added', (s) => s.w.backlogId)
    await ctx.both('tasks.api.scrum.backlog.add again', {
      request: (s) => s.call('tasks.api.scrum.backlog.add', { fields: { groupId: group[s.name], createdBy: s.me } }),
      created(ex, s) {
        // Should fail; if a portal made a second one anyway, it must still be cleaned up.
        const id = createdId(ex)
        if (id) register(s, 'backlog', id, 'second backlog')
      },
      contract: (e, ex) => e.error(ex, engine('Backlog already added')),
    })
    await ctx.both('tasks.api.scrum.backlog.update {modifiedBy}', {
      request: (s) => s.call('tasks.api.scrum.backlog.update', { id: backlog[s.name], fields: { modifiedBy: s.me } }),
      contract(e, ex, s) {
        const result = e.success(ex)
        if (!e.object('result', result, BACKLOG)) return
        e.equal('result.id', field(result, 'id'), backlog[s.name])
        e.equal('result.modifiedBy', field(result, 'modifiedBy'), s.me)
      },
    })
    await ctx.both('tasks.api.scrum.backlog.update without fields', {
      request: (s) => s.call('tasks.api.scrum.backlog.update', { id: backlog[s.name] }),
      contract: (e, ex) => e.error(ex, binderMissing('fields')),
    })

    // Open question 3: createdBy is sent, so only entityId is missing (without createdBy the docs promise "Item not created").
    const update = await ctx.both(`${UPDATE} without entityId, on the task without a scrum item`, {
      request: (s) => s.call(UPDATE, { id: orphan[s.name], fields: { storyPoints: '1', createdBy: s.me } }),
      informational: true,
    })
    const after = await ctx.both(`${GET} after it`, { request: (s) => s.call(GET, { id: orphan[s.name] }), informational: true })
    ctx.answer('autoAdd', QUESTIONS.autoAdd, {
      target: detectAutoAdd(update.target, after.target, backlog.target),
      reference: detectAutoAdd(update.reference, after.reference, backlog.reference),
    })
    // Whatever the answer, attach it the documented way, so both portals go on with the same data.
    await updateAndGet(ctx, `${UPDATE} {entityId: backlog, createdBy} + ${GET}`, {
      taskId: (s) => orphan[s.name],
      fields: (s) => ({ entityId: backlog[s.name], createdBy: s.me }),
      check: (e, item, s) => void e.equal('result.result.g.entityId', item.entityId, backlog[s.name]),
    })
  },
}
