/** user.current and user.get by ids, as the app reads people (digest §8): UPPER keys, string values, `ACTIVE` a boolean. */
import type { Expect, Schema } from '../contract'
import type { Check, Side } from '../context'
import type { Exchange } from '../http'
import { ascending, field, idOf, listAt } from './util'

const USER: Schema = { ID: 'numericString', ACTIVE: 'boolean', NAME: ['string', 'null'], LAST_NAME: ['string', 'null'] }

/** Custom user fields (`UF_*`) are the portal's own; only UF_DEPARTMENT is standard. */
const compare = { extraKeys: /^UF_(?!DEPARTMENT$)/ }

/** The people a team screen asks for: the webhook user and the scrum master of the chosen group. */
const idsOf = (side: Side) => [...new Set([side.me, side.read?.scrumMasterId ?? 0].filter((id) => id > 0))].sort((a, b) => a - b)

function expectUsers(e: Expect, ex: Exchange, ids: number[]): void {
  const result = e.success(ex)
  if (!e.type('result', result, 'array')) return
  const rows = listAt(result)
  for (const row of rows) e.object('result[]', row, USER, { exact: false })
  const got = rows.map((r) => idOf(r.ID) ?? 0)
  e.that(got.every((id) => ids.includes(id)), `result: ids ${got.join(',')} outside the requested ${ids.join(',')}`)
  e.that(got.includes(ids[0]!), `result: the webhook user ${ids[0]} is missing`)
  e.that(ascending(got), 'result: not in ID ascending order (the default)')
  e.paging(ex.body, rows.length, 0)
}

export const userChecks: Check[] = [
  {
    family: 'user',
    name: 'user.current',
    async run(ctx) {
      await ctx.both('user.current', {
        request: (s) => s.call('user.current'),
        compare,
        contract(e, ex, side) {
          const result = e.success(ex)
          if (e.object('result', result, USER, { exact: false })) e.equal('result.ID', idOf(field(result, 'ID')), side.me)
        },
      })
    },
  },
  {
    family: 'user',
    name: 'user.get by ids',
    async run(ctx) {
      ctx.need('user.get', 'the webhook user', (s) => (s.me > 0 ? s.me : undefined))
      await ctx.both('user.get {FILTER:{ID:[…]}}', {
        request: (s) => s.call('user.get', { FILTER: { ID: idsOf(s) } }),
        compare,
        contract: (e, ex, side) => expectUsers(e, ex, idsOf(side)),
      })
      await ctx.both('user.get {filter:{"@ID":[…]}}', {
        request: (s) => s.call('user.get', { filter: { '@ID': idsOf(s) } }),
        compare,
        contract: (e, ex, side) => expectUsers(e, ex, idsOf(side)),
      })
    },
  },
]
