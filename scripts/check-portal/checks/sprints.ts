/** tasks.api.scrum.sprint.list / get / getFields and their errors (digest §5, the sprint method pages). */
import type { Check } from '../context'
import { APP, binderMissing, engine, NO_SUCH_ID, SPRINT, SPRINT_NOT_FOUND, SPRINT_STATUSES } from '../docs'
import { field, listAt, getFieldsCheck } from './util'

export const sprintReadChecks: Check[] = [
  {
    family: 'sprint',
    name: 'sprint.list',
    async run(ctx) {
      const group = ctx.need('tasks.api.scrum.sprint.list', 'a scrum group', (s) => s.read)
      await ctx.both('tasks.api.scrum.sprint.list GROUP_ID, app select, SORT/ID asc', {
        request: (s) => s.call('tasks.api.scrum.sprint.list', { filter: { GROUP_ID: group[s.name].groupId }, select: APP.sprintSelect, order: { SORT: 'ASC', ID: 'ASC' } }),
        contract(e, ex, side) {
          const result = e.success(ex)
          if (!e.type('result', result, 'array')) return
          const sprints = listAt(result)
          for (const sprint of sprints) {
            e.object('result[]', sprint, SPRINT)
            e.equal('result[].entityType', sprint.entityType, 'sprint')
            e.equal('result[].groupId', sprint.groupId, group[side.name].groupId)
            e.that(SPRINT_STATUSES.includes(String(sprint.status)), `result[].status: ${String(sprint.status)} is not planned|active|completed`)
          }
          e.that(sprints.filter((s) => s.status === 'active').length <= 1, 'more than one active sprint in the group')
          e.paging(ex.body, 0, 0, { counted: false })
        },
      })
    },
  },
  {
    family: 'sprint',
    name: 'sprint.get',
    async run(ctx) {
      const sprint = ctx.need('tasks.api.scrum.sprint.get', 'a sprint in the chosen group', (s) => s.read?.sprintId)
      await ctx.both('tasks.api.scrum.sprint.get {id}', {
        request: (s) => s.call('tasks.api.scrum.sprint.get', { id: sprint[s.name] }),
        contract(e, ex, side) {
          const result = e.success(ex)
          if (!e.object('result', result, SPRINT)) return
          e.equal('result.id', field(result, 'id'), sprint[side.name])
          e.equal('result.entityType', field(result, 'entityType'), 'sprint')
        },
      })
    },
  },
  getFieldsCheck('sprint', 'sprint'),
  {
    family: 'sprint',
    name: 'sprint.get errors',
    async run(ctx) {
      await ctx.both('tasks.api.scrum.sprint.get sprint that does not exist', {
        request: (s) => s.call('tasks.api.scrum.sprint.get', { id: NO_SUCH_ID }),
        contract: (e, ex) => e.error(ex, engine(SPRINT_NOT_FOUND)),
      })
      // The page's table calls the parameter `sprintId`; every example and the source use `id` (§13).
      await ctx.both('tasks.api.scrum.sprint.get {sprintId} (the table\'s name)', {
        request: (s) => s.call('tasks.api.scrum.sprint.get', { sprintId: NO_SUCH_ID }),
        contract: (e, ex) => e.error(ex, binderMissing('id')),
      })
    },
  },
]
