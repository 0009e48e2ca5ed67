import type { B24Frame } from './frame'
import { toRestError } from './rest-error'

/**
 * The portal's plan, as far as its REST limits go (contract digest §10.2): the leaky bucket holds
 * 250 requests and drains 5 per second on Enterprise, 50 and 2 on every other plan.
 */
export type PortalPlan = 'enterprise' | 'standard'

export interface Limits {
  /** X: requests the portal's bucket holds before it answers 503 QUERY_LIMIT_EXCEEDED. */
  burst: number
  /** Y: requests per second the bucket drains. */
  drainPerSecond: number
}

export const STANDARD_LIMITS: Readonly<Limits> = Object.freeze({ burst: 50, drainPerSecond: 2 })
export const ENTERPRISE_LIMITS: Readonly<Limits> = Object.freeze({ burst: 250, drainPerSecond: 5 })

export function limitsOf(plan: PortalPlan | undefined): Readonly<Limits> {
  return plan === 'enterprise' ? ENTERPRISE_LIMITS : STANDARD_LIMITS
}

/** The licence fields of `app.info` (bitrix24/b24restdocs, api-reference/common/system/app-info.md). */
export interface AppLicense {
  /** Region and plan: `de_project`, `de_basic`, `de_std`, `de_pro100`, `de_ent250` … `de_ent10000`. */
  LICENSE?: unknown
  /** The plan without the region: `ent10000`. */
  LICENSE_TYPE?: unknown
  /** The plan's family: `ent` for every Enterprise size. */
  LICENSE_FAMILY?: unknown
}

/** Every Enterprise size is `ent` followed by its user count (`ent250`), its family plain `ent`. */
const ENTERPRISE = /^ent\d*$/

function field(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : null
}

/**
 * Enterprise only when the licence says so; anything else, unknown or missing is the standard
 * plan, since assuming the bigger bucket on a smaller plan is what earns 503s. The family is read
 * first (it names the plan without the region), then the type, then the licence minus its region.
 */
export function planOfLicense(info: AppLicense | null | undefined): PortalPlan {
  const family = field(info?.LICENSE_FAMILY)
  if (family) return ENTERPRISE.test(family) ? 'enterprise' : 'standard'
  const type = field(info?.LICENSE_TYPE) ?? field(info?.LICENSE)?.replace(/^[a-z]{2,3}_/, '') ?? null
  return type !== null && ENTERPRISE.test(type) ? 'enterprise' : 'standard'
}

/** What asking the portal needs from the budget: a token before the request, word of a 503. */
export interface PlanBudget {
  take(signal?: AbortSignal): Promise<void>
  overflowed(): Promise<void>
}

/**
 * Ask `app.info` for the plan, once, as one HTTP request under the shared budget. A portal that
 * refuses the method (an older portal, a 404 ERROR_METHOD_NOT_FOUND, ACCESS_DENIED) has answered:
 * the standard plan. No answer (network, a 5xx, the bucket full) is not an answer: null, and the
 * standard limits stay in force until some page asks again. Never throws: learning the plan is
 * a background task no screen waits for.
 */
export async function askPortalPlan(b24: B24Frame, budget: PlanBudget): Promise<PortalPlan | null> {
  try {
    await budget.take()
    const response = await b24.actions.v2.call.make<AppLicense>({ method: 'app.info', params: {} })
    if (response.isSuccess) return planOfLicense(response.getData()?.result)
    return 'standard'
  } catch (thrown) {
    const error = toRestError(thrown, 'app.info')
    if (error.code === 'QUERY_LIMIT_EXCEEDED') {
      await budget.overflowed().catch(() => undefined)
      return null
    }
    const refused = error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 408 && error.status !== 429
    return refused ? 'standard' : null
  }
}
