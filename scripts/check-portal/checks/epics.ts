/** tasks.api.scrum.epic.list / get / getFields and their errors (digest §4). */
import type { Check } from '../context'
import { binderInvalidInt, engine, EPIC, NO_SUCH_ID } from '../docs'
import { field, listAt, getFieldsCheck } from './util'

export const epicReadChecks: Check[] = [
  {
    family: 'epic',
    name: 'epic.list',
    async run(ctx) {
      const group = ctx.need('tasks.api.scrum.epic.list', 'a scrum group', (s) => s.read)
      await ctx.both('tasks.api.scrum.epic.list GROUP_ID, ID asc', {
        request: (s) => s.call('tasks.api.scrum.epic.list', { filter: { GROUP_ID: group[s.name].groupId }, order: { ID: 'ASC' } }),
        contract(e, ex, side) {
          const result = e.success(ex)
          if (!e.type('result', result, 'array')) return
          for (const epic of listAt(result)) {
            e.object('result[]', epic, EPIC)
            e.equal('result[].groupId', epic.groupId, group[side.name].groupId)
          }
          // A plain array: no total, no next (§0.2, §4.4).
          e.paging(ex.body, 0, 0, { counted: false })
        },
      })
    },
  },
  {
    family: 'epic',
    name: 'epic.get',
    async run(ctx) {
      const epic = ctx.need('tasks.api.scrum.epic.get', 'an epic in the chosen group', (s) => s.read?.epicId)
      await ctx.both('tasks.api.scrum.epic.get', {
        request: (s) => s.call('tasks.api.scrum.epic.get', { id: epic[s.name] }),
        contract(e, ex, side) {
          const result = e.success(ex)
          // The epic plus `files`, the UF_SCRUM_EPIC_FILES descriptor whose VALUE lists the attachments (§4.3).
          if (!e.object('result', result, { ...EPIC, files: 'object' })) return
          e.equal('result.id', field(result, 'id'), epic[side.name])
          e.type('result.files.VALUE', field(field(result, 'files'), 'VALUE'), 'array')
        },
      })
    },
  },
  getFieldsCheck('epic', 'epic'),
  {
    family: 'epic',
    name: 'epic.get errors',
    async run(ctx) {
      await ctx.both('tasks.api.scrum.epic.get epic that does not exist', {
        request: (s) => s.call('tasks.api.scrum.epic.get', { id: NO_SUCH_ID }),
        contract: (e, ex) => e.error(ex, engine('Epic not found')),
      })
      await ctx.both('tasks.api.scrum.epic.get id "abc"', {
        request: (s) => s.call('tasks.api.scrum.epic.get', { id: 'abc' }),
        contract: (e, ex) => e.error(ex, binderInvalidInt('id', 'abc')),
      })
    },
  },
]
