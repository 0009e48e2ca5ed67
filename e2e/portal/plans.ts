/**
 * The portal's plan (tariff): what `app.info` reports as LICENSE / LICENSE_TYPE / LICENSE_FAMILY,
 * and the leaky bucket it brings (digest §10.2: Enterprise burst 250, drain 5/s; every other plan
 * burst 50, drain 2/s). Switched with `POST /control/plan {plan}`; `/control/reset` goes back to
 * the default, `std`, which is the bucket the dev portal always had.
 *
 * Plan codes are the docs' LICENSE examples without the region prefix (api-reference/common/system/
 * app-info.md in bitrix24/b24restdocs: de_project, de_basic, de_std, de_pro100, de_ent250 … de_ent10000,
 * and the example answer LICENSE "de_ent10000", LICENSE_TYPE "ent10000", LICENSE_FAMILY "ent").
 * The docs name no code for the free plan; `free` is the family b24phpsdk's PortalLicenseFamily
 * knows for it, so LICENSE "en_free" is this portal's guess, not a documented value.
 */
import type { RateLimitSettings } from './rest/rateLimit'

export interface Plan {
  /** LICENSE_TYPE: the plan code without the region. */
  type: string
  /** LICENSE_FAMILY: the type without its size (ent250 → ent, pro100 → pro). */
  family: string
  rateLimit: Pick<RateLimitSettings, 'burst' | 'drainPerSecond'>
}

const STANDARD_BUCKET = { burst: 50, drainPerSecond: 2 }
const ENTERPRISE_BUCKET = { burst: 250, drainPerSecond: 5 }

const plan = (type: string, family: string): Plan => ({ type, family, rateLimit: family === 'ent' ? ENTERPRISE_BUCKET : STANDARD_BUCKET })

export const PLANS = {
  free: plan('free', 'free'),
  project: plan('project', 'project'),
  basic: plan('basic', 'basic'),
  std: plan('std', 'std'),
  pro100: plan('pro100', 'pro'),
  ent250: plan('ent250', 'ent'),
  ent500: plan('ent500', 'ent'),
  ent1000: plan('ent1000', 'ent'),
  ent2000: plan('ent2000', 'ent'),
  ent10000: plan('ent10000', 'ent'),
} as const satisfies Record<string, Plan>

export type PlanName = keyof typeof PLANS

export const DEFAULT_PLAN: PlanName = 'std'

/** The portal's base language: the region prefix of LICENSE and app.info's LANGUAGE_ID. */
export const PORTAL_LANGUAGE = 'en'

export function isPlanName(value: unknown): value is PlanName {
  return typeof value === 'string' && Object.hasOwn(PLANS, value)
}

/** "en_ent250": the base language, then the plan code (app.info's LICENSE). */
export function licenseOf(name: PlanName): string {
  return `${PORTAL_LANGUAGE}_${PLANS[name].type}`
}
