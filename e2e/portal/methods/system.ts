/**
 * `scope` (api-reference/common/system/scope): the scopes of the calling token or webhook, or with
 * `full: true` every scope the portal knows. It needs no scope of its own (`basic`).
 */
import { ALL_SCOPES } from '../rest/auth'
import type { MethodTable } from '../rest/registry'

export const systemMethods: MethodTable = {
  scope: {
    scope: null,
    handler(params, ctx) {
      const full = params.full === true || params.full === 'true' || params.full === '1' || params.full === 1
      return { result: full ? [...ALL_SCOPES] : [...ctx.principal.scopes] }
    },
  },
}
