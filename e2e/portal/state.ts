/**
 * Everything one running portal holds: the data store plus the REST machinery (tokens, limits,
 * faults, log). `reset()` brings it back to the state it started in.
 */
import { DEFAULTS } from './config'
import type { Store } from './data/model'
import { createStore, seedData, type SeedName } from './data/seeds'
import { METHODS } from './methods'
import { DEFAULT_PLAN, PLANS, type PlanName } from './plans'
import { DEFAULT_QUIRKS, type Quirks } from './quirks'
import { AuthService } from './rest/auth'
import type { ErrorCodeStyle } from './rest/envelope'
import { FaultRegistry } from './rest/faults'
import type { BatchDeps } from './rest/batch'
import { OperatingBudget, type OperatingSettings } from './rest/operating'
import { LeakyBucket, type RateLimitSettings } from './rest/rateLimit'
import { RequestLog } from './rest/requestLog'

export interface StateDefaults {
  seed: SeedName
  tokenTtlSeconds: number
  rateLimit: RateLimitSettings
  /** The budget the portal started with and `reset()` restores; default DEFAULTS.operating. */
  operating?: OperatingSettings
}

export class PortalState implements BatchDeps {
  readonly store: Store
  readonly auth: AuthService
  readonly limiter: LeakyBucket
  readonly operating: OperatingBudget
  readonly faults = new FaultRegistry()
  readonly log = new RequestLog()
  readonly methods = METHODS
  latencyMs = 0
  quirks: Quirks = { ...DEFAULT_QUIRKS }
  /** What app.info reports as the licence; `setPlan` also gives the leaky bucket its size. */
  plan: PlanName = DEFAULT_PLAN
  errorCodeStyle: ErrorCodeStyle = 'string'
  /** The portal session has ended: /portal/refresh and /oauth/token/ refuse to issue tokens. */
  refreshFails = false
  /** Set once the server listens: http://host:port. */
  origin = ''
  appUrl = ''
  /** Set by the server: close the kept-alive connections that carry no request right now. */
  closeIdleConnections: () => void = () => {}

  constructor(readonly defaults: StateDefaults) {
    this.store = createStore(defaults.seed)
    this.auth = new AuthService(defaults.tokenTtlSeconds)
    this.auth.addWebhook(DEFAULTS.adminWebhook.userId, DEFAULTS.adminWebhook.secret)
    this.limiter = new LeakyBucket({ ...defaults.rateLimit })
    this.operating = new OperatingBudget(this.operatingDefaults())
  }

  /** On, 480 s per 10 minutes, simulated per-method costs — unless the portal was started otherwise. */
  operatingDefaults(): OperatingSettings {
    return { ...(this.defaults.operating ?? { ...DEFAULTS.operating, costSeconds: null }) }
  }

  /**
   * The app as an administrator left it after installing: its workgroup tab is bound to the app's
   * own page. (Reinstalling from the shell's install mode binds it again through placement.bind.)
   */
  installApp(): void {
    if (!this.appUrl) return
    this.store.placements = [
      { placement: 'SONET_GROUP_DETAIL_TAB', handler: this.appUrl, title: 'Scrum Backlog', description: '', langAll: {} },
    ]
  }

  /** The portal moves to another plan: app.info reports it, and the bucket (emptied) follows it. */
  setPlan(name: PlanName): void {
    this.plan = name
    this.limiter.configure({ ...this.limiter.settings, ...PLANS[name].rateLimit })
  }

  /**
   * Back to a fresh seed with every switch at its default. Issued tokens survive, so a test can
   * reset between cases without logging in again.
   */
  reset(seed: SeedName = this.defaults.seed): void {
    this.store.load(seedData(seed))
    this.faults.clear()
    this.log.clear()
    this.latencyMs = 0
    this.quirks = { ...DEFAULT_QUIRKS }
    this.plan = DEFAULT_PLAN
    this.errorCodeStyle = 'string'
    this.refreshFails = false
    this.auth.ttlSeconds = this.defaults.tokenTtlSeconds
    this.limiter.configure({ ...this.defaults.rateLimit })
    this.operating.configure(this.operatingDefaults())
    this.installApp()
  }
}
