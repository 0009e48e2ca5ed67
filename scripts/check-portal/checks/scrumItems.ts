/** tasks.api.scrum.task.get / getFields and their errors (digest §3). */
import type { Check } from '../context'
import { binderMissing, engine, NO_SUCH_ID, SCRUM_ITEM } from '../docs'
import { field, getFieldsCheck } from './util'

const GET = 'tasks.api.scrum.task.get'

export const scrumItemChecks: Check[] = [
  {
    family: 'scrum task',
    name: 'scrum.task.get',
    async run(ctx) {
      const task = ctx.need(GET, 'a task with a scrum item in the chosen group', (s) => s.read?.itemTaskId)
      await ctx.both(`${GET} task with a scrum item`, {
        request: (s) => s.call(GET, { id: task[s.name] }),
        contract(e, ex, side) {
          const result = e.success(ex)
          if (!e.object('result', result, SCRUM_ITEM)) return
          const read = side.read!
          // entityId is the backlog or one of the group's sprints (§3); only checkable when all sprints were listed.
          if (read.sprintIds.length < 50) {
            const entityId = field(result, 'entityId') as number
            e.that([read.backlogId, ...read.sprintIds].includes(entityId), `result.entityId ${entityId} is neither the backlog ${read.backlogId} nor a sprint of the group`)
          }
        },
      })
    },
  },
  getFieldsCheck('scrum task', 'task'),
  {
    family: 'scrum task',
    name: 'scrum.task.get errors',
    async run(ctx) {
      await ctx.both(`${GET} task that does not exist`, {
        request: (s) => s.call(GET, { id: NO_SUCH_ID }),
        // The page prints HTTP 200 for its error example; the source answers 400 like every engine error (§13).
        contract: (e, ex) => e.error(ex, engine('Task not found')),
        notes: ['docs print HTTP 200 for this error; digest §13 settles on 400'],
      })
      await ctx.both(`${GET} without id`, {
        request: (s) => s.call(GET, {}),
        contract: (e, ex) => e.error(ex, binderMissing('id')),
      })
    },
  },
]
