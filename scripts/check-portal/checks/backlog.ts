/** tasks.api.scrum.backlog.get / getFields and their errors (digest §2). */
import type { Check } from '../context'
import { BACKLOG, binderInvalidInt, binderMissing, engine, NO_SUCH_ID } from '../docs'
import { field, getFieldsCheck } from './util'

const GET = 'tasks.api.scrum.backlog.get'

export const backlogChecks: Check[] = [
  {
    family: 'backlog',
    name: 'backlog.get',
    async run(ctx) {
      const group = ctx.need(GET, 'a scrum group with a backlog', (s) => s.read)
      await ctx.both(`${GET} {id: groupId}`, {
        request: (s) => s.call(GET, { id: group[s.name].groupId }),
        contract(e, ex, side) {
          const result = e.success(ex)
          if (!e.object('result', result, BACKLOG)) return
          // `id` is the group's id; the answer is the backlog, whose own id differs.
          e.equal('result.groupId', field(result, 'groupId'), group[side.name].groupId)
          e.equal('result.id', field(result, 'id'), group[side.name].backlogId)
        },
      })
    },
  },
  getFieldsCheck('backlog', 'backlog'),
  {
    family: 'backlog',
    name: 'backlog.get errors',
    async run(ctx) {
      await ctx.both(`${GET} without id`, {
        request: (s) => s.call(GET, {}),
        contract: (e, ex) => e.error(ex, binderMissing('id')),
      })
      await ctx.both(`${GET} id "abc"`, {
        request: (s) => s.call(GET, { id: 'abc' }),
        contract: (e, ex) => e.error(ex, binderInvalidInt('id', 'abc')),
      })
      await ctx.both(`${GET} id 0`, {
        request: (s) => s.call(GET, { id: 0 }),
        contract: (e, ex) => e.error(ex, engine('Group id not found')),
      })
      await ctx.both(`${GET} group that does not exist`, {
        request: (s) => s.call(GET, { id: NO_SUCH_ID }),
        contract: (e, ex) => e.error(ex, engine('Backlog not found')),
      })
    },
  },
]
