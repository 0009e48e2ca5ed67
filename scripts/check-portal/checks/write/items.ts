/**
 * A task created in the scrum with a backlog (auto-placed there), story points as a string, an
 * epic created, changed and linked, and open question 1 (epicId 0).
 */
import type { Check } from '../../context'
import { engine, EPIC, EPIC_NAME_MISSING } from '../../docs'
import { detectEpicZero, QUESTIONS } from '../../questions'
import { field } from '../util'
import { createdId, register } from './resources'
import { expectCreatedTask, expectItem, GET, UPDATE, UPDATE_NOTE, updateAndGet } from './steps'

export const itemWriteCheck: Check = {
  family: 'write: items',
  name: 'scrum task and epic',
  write: true,
  async run(ctx) {
    const w = ctx.need('tasks.task.add', 'the run\'s scrum with its backlog', (s) => (s.w.groupId && s.w.backlogId ? { groupId: s.w.groupId, backlogId: s.w.backlogId } : undefined))
    await ctx.both('tasks.task.add GROUP_ID = the scrum (with a backlog)', {
      request: (s) => s.call('tasks.task.add', { fields: { TITLE: `${ctx.run.tag} task`, RESPONSIBLE_ID: s.me, GROUP_ID: w[s.name].groupId } }),
      created(ex, s) {
        const id = createdId(ex)
        if (!id) return
        s.w.taskId = id
        register(s, 'task', id, 'task')
      },
      contract: (e, ex, s) => expectCreatedTask(e, ex, w[s.name].groupId),
    })
    const task = ctx.need(GET, 'the task the run created', (s) => s.w.taskId)
    await ctx.both(`${GET}: placed in the backlog by tasks.task.add`, {
      request: (s) => s.call(GET, { id: task[s.name] }),
      contract: (e, ex, s) =>
        expectItem(e, ex, (item) => {
          // "Bitrix24 automatically adds it to the Scrum backlog if it exists" (digest §1).
          e.equal('result.entityId', item.entityId, w[s.name].backlogId)
          e.equal('result.epicId', item.epicId, 0)
        }),
    })
    await ctx.both(`${UPDATE} {storyPoints: "5"}`, {
      request: (s) => s.call(UPDATE, { id: task[s.name], fields: { storyPoints: '5' } }),
      contract: (e, ex) => void e.equal('result', e.success(ex), true),
      notes: [UPDATE_NOTE],
    })

    await ctx.both('tasks.api.scrum.epic.add {groupId, name, description, color}', {
      request: (s) =>
        s.call('tasks.api.scrum.epic.add', { fields: { groupId: w[s.name].groupId, name: `${ctx.run.tag} epic`, description: 'check:portal', color: '#69dafc' } }),
      created(ex, s) {
        const id = createdId(ex)
        if (!id) return
        s.w.epicId = id
        register(s, 'epic', id, 'epic')
      },
      contract(e, ex, s) {
        const epic = e.success(ex)
        if (!e.object('result', epic, EPIC)) return
        e.equal('result.groupId', field(epic, 'groupId'), w[s.name].groupId)
        e.equal('result.name', field(epic, 'name'), `${ctx.run.tag} epic`)
        // modifiedBy is 0 on a new epic; createdBy defaults to the caller (digest §4, §4.1).
        e.equal('result.modifiedBy', field(epic, 'modifiedBy'), 0)
        e.equal('result.createdBy', field(epic, 'createdBy'), s.me)
      },
    })
    await ctx.both('tasks.api.scrum.epic.add without a name', {
      request: (s) => s.call('tasks.api.scrum.epic.add', { fields: { groupId: w[s.name].groupId } }),
      created(ex, s) {
        const id = createdId(ex)
        if (id) register(s, 'epic', id, 'epic without a name')
      },
      contract: (e, ex) => e.error(ex, engine(EPIC_NAME_MISSING)),
    })
    const epic = ctx.need('tasks.api.scrum.epic.update', 'the epic the run created', (s) => s.w.epicId)
    await ctx.both('tasks.api.scrum.epic.update {name, color} (partial)', {
      request: (s) => s.call('tasks.api.scrum.epic.update', { id: epic[s.name], fields: { name: `${ctx.run.tag} epic renamed`, color: '#ff5752' } }),
      contract(e, ex, s) {
        const result = e.success(ex)
        if (!e.object('result', result, EPIC)) return
        e.equal('result.name', field(result, 'name'), `${ctx.run.tag} epic renamed`)
        e.equal('result.description (unchanged)', field(result, 'description'), 'check:portal')
        // update sets modifiedBy to the caller by default (digest §4.2).
        e.equal('result.modifiedBy', field(result, 'modifiedBy'), s.me)
      },
    })
    await ctx.both('tasks.api.scrum.epic.get', {
      request: (s) => s.call('tasks.api.scrum.epic.get', { id: epic[s.name] }),
      contract(e, ex) {
        const result = e.success(ex)
        if (e.object('result', result, { ...EPIC, files: 'object' })) e.equal('result.color', field(result, 'color'), '#ff5752')
      },
    })
    await updateAndGet(ctx, `${UPDATE} {epicId} + ${GET}`, {
      taskId: (s) => task[s.name],
      fields: (s) => ({ epicId: epic[s.name] }),
      check(e, item, s) {
        e.equal('result.result.g.epicId', item.epicId, epic[s.name])
        e.equal('result.result.g.storyPoints (set as "5" before)', item.storyPoints, '5')
      },
    })

    // Open question 1.
    const update = await ctx.both(`${UPDATE} {epicId: 0}`, { request: (s) => s.call(UPDATE, { id: task[s.name], fields: { epicId: 0 } }), informational: true })
    const after = await ctx.both(`${GET} after it`, { request: (s) => s.call(GET, { id: task[s.name] }), informational: true })
    ctx.answer('epicZero', QUESTIONS.epicZero, {
      target: detectEpicZero(update.target, after.target, epic.target),
      reference: detectEpicZero(update.reference, after.reference, epic.reference),
    })
  },
}
