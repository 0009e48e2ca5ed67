/** socialnetwork.api.workgroup.list / .get as the scrum picker and the planning screen call them (digest §6). */
import type { Expect, Schema } from '../contract'
import type { Check, Pair } from '../context'
import type { Exchange } from '../http'
import { APP, NO_SUCH_ID, WORKGROUP_EMPTY, WORKGROUP_NOT_FOUND, WORKGROUP_ROW_VALUE, workgroupRowKeys } from '../docs'
import { field, idOf, listAt, resultOf } from './util'

const LIST = 'socialnetwork.api.workgroup.list'
const listParams = { filter: APP.scrumFilter, select: APP.groupSelect, order: APP.groupOrder }

/** Row schema: the camelCase keys of the select, string values (or null), `id` a numeric string. */
const rowSchema: Schema = Object.fromEntries(workgroupRowKeys(APP.groupSelect).map((key) => [key, key === 'id' ? 'numericString' : WORKGROUP_ROW_VALUE]))

function expectRows(e: Expect, ex: Exchange): Array<Record<string, unknown>> | undefined {
  const result = e.success(ex)
  if (!e.object('result', result, { workgroups: 'array' })) return undefined
  const rows = listAt(result, 'workgroups')
  for (const row of rows) e.object('result.workgroups[]', row, rowSchema)
  e.that(rows.length <= 50, `result.workgroups: ${rows.length} rows, at most 50 per page`)
  return rows
}

const firstId = (ex: Exchange) => listAt(resultOf(ex), 'workgroups')[0]?.id

export const workgroupChecks: Check[] = [
  {
    family: 'workgroup',
    name: 'workgroup.list paging',
    async run(ctx) {
      const first: Pair = await ctx.both(`${LIST} app select, {"!SCRUM_MASTER_ID":false}`, {
        request: (s) => s.call(LIST, listParams),
        contract(e, ex) {
          const rows = expectRows(e, ex)
          if (rows) e.paging(ex.body, rows.length, 0)
        },
      })
      await ctx.both(`${LIST} start=50`, {
        request: (s) => s.call(LIST, { ...listParams, start: 50 }),
        contract(e, ex, side) {
          const rows = expectRows(e, ex)
          const total = field(ex.body, 'total')
          if (!rows) return
          e.paging(ex.body, rows.length, 50)
          if (typeof total === 'number') e.equal(`result.workgroups (total ${total}) row count`, rows.length, Math.max(0, Math.min(50, total - 50)))
          if (rows.length) e.that(rows[0]?.id !== firstId(first[side.name]), 'start=50 answered the first page again')
        },
      })
      await ctx.both(`${LIST} start=-1 (no count)`, {
        request: (s) => s.call(LIST, { ...listParams, start: -1 }),
        contract(e, ex, side) {
          const rows = expectRows(e, ex)
          if (!rows) return
          // "-1: first page, do not count" (digest §0.2): the same first row, no total, no next.
          e.paging(ex.body, rows.length, 0, { counted: false })
          e.equal('result.workgroups[0].id (same as start=0)', rows[0]?.id, firstId(first[side.name]))
        },
      })
    },
  },
  {
    family: 'workgroup',
    name: 'workgroup.get',
    async run(ctx) {
      const group = ctx.need('socialnetwork.api.workgroup.get', 'a scrum group', (s) => s.read)
      await ctx.both('socialnetwork.api.workgroup.get {params:{groupId, select:[AVATAR]}}', {
        request: (s) => s.call('socialnetwork.api.workgroup.get', APP.groupDetail(group[s.name].groupId)),
        contract(e, ex, side) {
          const result = e.success(ex)
          if (!e.object('result', result, { ID: 'int', NAME: 'string', TYPE: 'string', MEMBERS: 'array', SCRUM_MASTER_ID: ['int', 'numericString'], AVATAR: ['string', 'null'] }, { exact: false })) return
          e.equal('result.ID', field(result, 'ID'), group[side.name].groupId)
          e.that(['group', 'project', 'scrum', 'collab'].includes(String(field(result, 'TYPE'))), `result.TYPE: expected group|project|scrum|collab, got ${String(field(result, 'TYPE'))}`)
          e.equal('result.SCRUM_MASTER_ID', idOf(field(result, 'SCRUM_MASTER_ID')), group[side.name].scrumMasterId)
        },
      })
    },
  },
  {
    family: 'workgroup',
    name: 'workgroup.get errors',
    async run(ctx) {
      await ctx.both('socialnetwork.api.workgroup.get groupId 0', {
        request: (s) => s.call('socialnetwork.api.workgroup.get', { params: { groupId: 0 } }),
        contract: (e, ex) => e.error(ex, WORKGROUP_EMPTY),
      })
      await ctx.both('socialnetwork.api.workgroup.get unknown group', {
        request: (s) => s.call('socialnetwork.api.workgroup.get', { params: { groupId: NO_SUCH_ID } }),
        contract: (e, ex) => e.error(ex, WORKGROUP_NOT_FOUND),
      })
    },
  },
]
