/**
 * A sprint's life in the run's scrum: add, update, a task moved in and back, start, complete
 * (unfinished tasks go to the backlog), delete (its tasks go to the backlog), and the documented
 * errors on the way.
 */
import type { Check, Side } from '../../context'
import { engine, SPRINT, SPRINT_NOT_FOUND } from '../../docs'
import { command } from '../../phpQuery'
import { field } from '../util'
import { createdId, register, removed } from './resources'
import { batchCompare, expectItem, GET, isoDate, UPDATE, UPDATE_NOTE, updateAndGet } from './steps'

const DAY = 86_400_000

const sprintFields = (tag: string, name: string, side: Side, groupId: number) => ({
  groupId,
  name: `${tag} ${name}`,
  status: 'planned',
  dateStart: isoDate(Date.now()),
  dateEnd: isoDate(Date.now() + 14 * DAY),
  createdBy: side.me,
})

export const sprintWriteCheck: Check = {
  family: 'write: sprints',
  name: 'sprint add/update/start/complete/delete',
  write: true,
  async run(ctx) {
    const w = ctx.need('tasks.api.scrum.sprint.add', 'the run\'s scrum, backlog and both tasks', (s) =>
      s.w.groupId && s.w.backlogId && s.w.taskId && s.w.orphanTaskId ? { groupId: s.w.groupId, backlogId: s.w.backlogId, taskId: s.w.taskId, orphanId: s.w.orphanTaskId } : undefined,
    )
    await ctx.both('tasks.api.scrum.sprint.add planned', {
      request: (s) => s.call('tasks.api.scrum.sprint.add', { fields: sprintFields(ctx.run.tag, 'sprint', s, w[s.name].groupId) }),
      created(ex, s) {
        const id = createdId(ex)
        if (!id) return
        s.w.sprintId = id
        register(s, 'sprint', id, 'sprint')
      },
      contract(e, ex, s) {
        const sprint = e.success(ex)
        if (!e.object('result', sprint, SPRINT)) return
        e.equal('result.entityType', field(sprint, 'entityType'), 'sprint')
        e.equal('result.status', field(sprint, 'status'), 'planned')
        e.equal('result.groupId', field(sprint, 'groupId'), w[s.name].groupId)
        e.equal('result.createdBy', field(sprint, 'createdBy'), s.me)
      },
    })
    const sprint = ctx.need('tasks.api.scrum.sprint.update', 'the sprint the run added', (s) => s.w.sprintId)
    await ctx.both('tasks.api.scrum.sprint.update {name}', {
      request: (s) => s.call('tasks.api.scrum.sprint.update', { id: sprint[s.name], fields: { name: `${ctx.run.tag} sprint renamed` } }),
      contract(e, ex, s) {
        const result = e.success(ex)
        if (!e.object('result', result, SPRINT)) return
        e.equal('result.id', field(result, 'id'), sprint[s.name])
        e.equal('result.name', field(result, 'name'), `${ctx.run.tag} sprint renamed`)
        e.equal('result.status (unchanged)', field(result, 'status'), 'planned')
      },
    })
    await ctx.both('tasks.api.scrum.sprint.get {id}', {
      request: (s) => s.call('tasks.api.scrum.sprint.get', { id: sprint[s.name] }),
      contract(e, ex) {
        const result = e.success(ex)
        if (e.object('result', result, SPRINT)) e.equal('result.name', field(result, 'name'), `${ctx.run.tag} sprint renamed`)
      },
    })

    await updateAndGet(ctx, `${UPDATE} {entityId: sprint} + ${GET}`, {
      taskId: (s) => w[s.name].taskId,
      fields: (s) => ({ entityId: sprint[s.name] }),
      check: (e, item, s) => void e.equal('result.result.g.entityId', item.entityId, sprint[s.name]),
    })
    await updateAndGet(ctx, `${UPDATE} {entityId: backlog, sort: 7} + ${GET}`, {
      taskId: (s) => w[s.name].taskId,
      fields: (s) => ({ entityId: w[s.name].backlogId, sort: 7 }),
      check(e, item, s) {
        e.equal('result.result.g.entityId', item.entityId, w[s.name].backlogId)
        e.equal('result.result.g.sort', item.sort, 7)
      },
    })
    await ctx.both(`${UPDATE} {entityId: sprint} (to start it with a task)`, {
      request: (s) => s.call(UPDATE, { id: w[s.name].taskId, fields: { entityId: sprint[s.name] } }),
      contract: (e, ex) => void e.equal('result', e.success(ex), true),
      notes: [UPDATE_NOTE],
    })

    await ctx.both('tasks.api.scrum.sprint.start', {
      request: (s) => s.call('tasks.api.scrum.sprint.start', { id: sprint[s.name] }),
      contract(e, ex, s) {
        const result = e.success(ex)
        if (!e.object('result', result, SPRINT)) return
        e.equal('result.id', field(result, 'id'), sprint[s.name])
        e.equal('result.status', field(result, 'status'), 'active')
      },
    })
    await ctx.both('tasks.api.scrum.sprint.start again', {
      request: (s) => s.call('tasks.api.scrum.sprint.start', { id: sprint[s.name] }),
      contract: (e, ex) => e.error(ex, engine('Sprint must be planned')),
    })
    await ctx.both('tasks.api.scrum.sprint.complete {id: groupId}', {
      request: (s) => s.call('tasks.api.scrum.sprint.complete', { id: w[s.name].groupId }),
      contract(e, ex, s) {
        const result = e.success(ex)
        if (!e.object('result', result, SPRINT)) return
        e.equal('result.id', field(result, 'id'), sprint[s.name])
        e.equal('result.status', field(result, 'status'), 'completed')
      },
    })
    await ctx.both(`${GET}: the unfinished task went back to the backlog`, {
      request: (s) => s.call(GET, { id: w[s.name].taskId }),
      contract: (e, ex, s) => expectItem(e, ex, (item) => void e.equal('result.entityId', item.entityId, w[s.name].backlogId)),
    })
    await ctx.both('tasks.api.scrum.sprint.complete with no active sprint', {
      request: (s) => s.call('tasks.api.scrum.sprint.complete', { id: w[s.name].groupId }),
      contract: (e, ex) => e.error(ex, engine(SPRINT_NOT_FOUND)),
    })

    await ctx.both('tasks.api.scrum.sprint.add a second one', {
      request: (s) => s.call('tasks.api.scrum.sprint.add', { fields: sprintFields(ctx.run.tag, 'sprint 2', s, w[s.name].groupId) }),
      created(ex, s) {
        const id = createdId(ex)
        if (!id) return
        s.w.sprint2Id = id
        register(s, 'sprint', id, 'sprint 2')
      },
      contract: (e, ex) => void e.object('result', e.success(ex), SPRINT),
    })
    const sprint2 = ctx.need('tasks.api.scrum.sprint.delete with a task', 'the second sprint', (s) => s.w.sprint2Id)
    await ctx.both(`batch ${UPDATE} task into sprint 2, sprint.delete it, ${GET}`, {
      request: (s) =>
        s.call('batch', {
          halt: 1,
          cmd: {
            u: command(UPDATE, { id: w[s.name].orphanId, fields: { entityId: sprint2[s.name] } }),
            d: command('tasks.api.scrum.sprint.delete', { id: sprint2[s.name] }),
            g: command(GET, { id: w[s.name].orphanId }),
          },
        }),
      created(ex, s) {
        if (field(field(field(ex.body, 'result'), 'result'), 'd') !== undefined) s.cleanup.done('sprint', sprint2[s.name])
      },
      compare: batchCompare,
      contract(e, ex, s) {
        const maps = e.success(ex)
        e.equal('result.result_error', field(maps, 'result_error'), [])
        e.equal('result.result.d (sprint.delete)', field(field(maps, 'result'), 'd'), [])
        // "When a sprint with tasks is deleted, the tasks will be moved to the backlog" (sprint.delete page).
        e.equal('result.result.g.entityId', field(field(field(maps, 'result'), 'g'), 'entityId'), w[s.name].backlogId)
      },
    })
    await ctx.both('tasks.api.scrum.sprint.delete the completed sprint', {
      request: (s) => s.call('tasks.api.scrum.sprint.delete', { id: sprint[s.name] }),
      created: (ex, s) => removed(s, 'sprint', sprint[s.name], ex),
      contract: (e, ex) => void e.equal('result', e.success(ex), []),
    })
    await ctx.both('tasks.api.scrum.sprint.delete again', {
      request: (s) => s.call('tasks.api.scrum.sprint.delete', { id: sprint[s.name] }),
      contract: (e, ex) => e.error(ex, engine(SPRINT_NOT_FOUND)),
    })
  },
}
