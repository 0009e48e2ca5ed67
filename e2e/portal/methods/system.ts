/**
 * `scope` (api-reference/common/system/scope): the scopes of the calling token or webhook, or with
 * `full: true` every scope the portal knows. It needs no scope of its own (`basic`).
 *
 * `app.info` (api-reference/common/system/app-info.md in bitrix24/b24restdocs): the app and the
 * portal's plan, for any user, scope `basic`. The app (an OAuth token) gets the documented fields;
 * a webhook, which has no app, only SCOPE and LICENSE (as b24phpsdk's ApplicationInfoItemResult
 * notes). The docs' 400 ACCESS_DENIED "Application context required" is for calls with neither
 * (a portal page's own session), which this portal does not take.
 */
import { DEFAULTS } from '../config'
import { licenseOf, PLANS, PORTAL_LANGUAGE } from '../plans'
import { ALL_SCOPES } from '../rest/auth'
import type { MethodTable } from '../rest/registry'

/** The seeded app: a local application, installed (its workgroup tab is bound, state.ts). */
const APP = { id: 7, code: 'local.d3v9017a1b2c3d.26011209', version: 1 }

export const systemMethods: MethodTable = {
  scope: {
    scope: null,
    handler(params, ctx) {
      const full = params.full === true || params.full === 'true' || params.full === '1' || params.full === 1
      return { result: full ? [...ALL_SCOPES] : [...ctx.principal.scopes] }
    },
  },
  'app.info': {
    scope: null,
    handler(_params, ctx) {
      const license = licenseOf(ctx.plan)
      if (ctx.principal.kind === 'webhook') return { result: { SCOPE: [...ctx.principal.scopes], LICENSE: license } }
      return {
        result: {
          ID: APP.id,
          CODE: APP.code,
          VERSION: APP.version,
          // The app's own status, the one sent to the frame as `status` (F: free app).
          STATUS: DEFAULTS.status,
          INSTALLED: true,
          PAYMENT_EXPIRED: 'N',
          // A free app has no paid period (the docs' example: STATUS F, DAYS null).
          DAYS: null,
          LANGUAGE_ID: PORTAL_LANGUAGE,
          LICENSE: license,
          LICENSE_TYPE: PLANS[ctx.plan].type,
          LICENSE_FAMILY: PLANS[ctx.plan].family,
        },
      }
    },
  },
}
