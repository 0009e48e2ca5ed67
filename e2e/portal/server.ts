/**
 * The dev portal: one HTTP origin serving the host page, the REST API, the control API, the
 * portal's own endpoints and slider pages; optionally a second origin with the built app. Both can
 * run over HTTPS with a self-signed certificate (`https: true`), as a real portal does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { resolve } from 'node:path'
import { DEFAULTS, HOST_DIR } from './config'
import { handleControl } from './control'
import { addBigBacklog, type BigBacklog } from './data/big-backlog'
import type { Store } from './data/model'
import type { SeedName } from './data/seeds'
import { actualPort, closeServer, listen, startAppServer } from './http/appServer'
import { sendText } from './http/send'
import { isFile, resolveInside, serveFile } from './http/static'
import { handlePage, notFoundPage } from './pages'
import { handlePortalApi } from './portalApi'
import { devCertificate } from './http/tls'
import type { OperatingSettings } from './rest/operating'
import type { RateLimitSettings } from './rest/rateLimit'
import { handleRest } from './rest/router'
import { PortalState } from './state'

export interface PortalOptions {
  /** 0 = a random free port (unit tests). Default 7100. */
  port?: number
  /** Default 'localhost'. The app's frame origin check needs the exact host the browser uses. */
  host?: string
  /** Where the host page loads the app from. Default http://localhost:7101/ (or the --serve-app origin). */
  appUrl?: string
  seed?: SeedName
  /** Add a scrum team whose backlog holds this many items (1…10,000) to the seed (data/big-backlog.ts). */
  bigBacklog?: number
  /** Access-token lifetime; default 3600. */
  tokenTtlSeconds?: number
  /** false = off; an object tweaks the leaky bucket. Default on, burst 50, 2/s. */
  rateLimit?: boolean | Partial<RateLimitSettings>
  /** false = off; an object tweaks the per-method budget. Default on, 480 s per 600 s, simulated costs. */
  operating?: boolean | Partial<OperatingSettings>
  /**
   * Serve over HTTPS with a self-signed certificate (http/tls.ts): `url`, `webhookUrl` and the
   * portal's endpoints become https://…, and so does the --serve-app origin. Default false.
   */
  https?: boolean
  /** Serve this directory (e.g. 'dist') as the app (SPA) on `appPort`. */
  serveAppDir?: string
  /** Default 7101; 0 = random. */
  appPort?: number
  /** Where the host page files live; default e2e/portal/host/. */
  hostDir?: string
}

export interface RunningPortal {
  /** http://localhost:7100 (no trailing slash); https://… with `https: true`. */
  url: string
  appUrl: string
  /** The seeded admin webhook, e.g. http://localhost:7100/rest/1/devportaladminhook/ */
  webhookUrl: string
  port: number
  store: Store
  /** The team `bigBacklog` added, if asked for. */
  bigBacklog?: BigBacklog
  /** The full portal state (auth, faults, log…), for tests that need more than the control API. */
  state: PortalState
  close(): Promise<void>
}

function rateLimitSettings(option: PortalOptions['rateLimit']): RateLimitSettings {
  if (option === false) return { ...DEFAULTS.rateLimit, enabled: false }
  if (option === true || option === undefined) return { ...DEFAULTS.rateLimit }
  return { ...DEFAULTS.rateLimit, ...option }
}

function operatingSettings(option: PortalOptions['operating']): OperatingSettings {
  const defaults: OperatingSettings = { ...DEFAULTS.operating, costSeconds: null }
  if (option === false) return { ...defaults, enabled: false }
  if (option === true || option === undefined) return defaults
  return { ...defaults, ...option }
}

async function serveHost(res: ServerResponse, hostDir: string, path: string, headOnly: boolean): Promise<void> {
  const noStore = { 'Cache-Control': 'no-store' }
  if (path === '/') {
    const index = resolve(hostDir, 'index.html')
    if (await isFile(index)) await serveFile(res, index, noStore, headOnly)
    else sendText(res, 500, `The portal host page is missing: ${index} does not exist yet.`)
    return
  }
  const file = resolveInside(hostDir, path.slice('/host'.length))
  if (file && (await isFile(file))) await serveFile(res, file, noStore, headOnly)
  else notFoundPage(res, path)
}

async function route(state: PortalState, hostDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Prefixing keeps `//x` from being read as a host; URL also resolves `..` segments the way a
  // browser does (the SDK's openPath sends `/crm/type/0/details/0/../../…`).
  const url = new URL(`http://portal.invalid${(req.url ?? '/').startsWith('/') ? '' : '/'}${req.url ?? '/'}`)
  const path = url.pathname
  if (path === '/rest' || path.startsWith('/rest/')) return handleRest(state, req, res, url)
  if (path.startsWith('/control/')) return handleControl(state, req, res, url)
  if (path.startsWith('/portal/') || path.startsWith('/oauth/')) return handlePortalApi(state, req, res, url)
  const method = req.method ?? 'GET'
  if (method === 'GET' || method === 'HEAD') {
    if (path === '/' || path.startsWith('/host/')) return serveHost(res, hostDir, path, method === 'HEAD')
    if (handlePage(state.store, res, path)) return
  }
  notFoundPage(res, path)
}

/**
 * Chromium silently resends a request whose kept-alive connection closes without an answer, so a
 * call dropped by an abort fault would run again (and succeed). While such a fault waits, no
 * connection is reused: answers say `Connection: close`, one that began before the fault came
 * closes its connection once sent, and the idle ones are closed when the fault is added.
 */
function noReuseWhileDropping(state: PortalState, req: IncomingMessage, res: ServerResponse): void {
  if (state.faults.dropsConnections()) {
    res.setHeader('Connection', 'close')
    return
  }
  res.once('finish', () => {
    if (state.faults.dropsConnections()) req.socket.end()
  })
}

export async function startPortal(opts: PortalOptions = {}): Promise<RunningPortal> {
  const host = opts.host ?? DEFAULTS.host
  const state = new PortalState({
    seed: opts.seed ?? DEFAULTS.seed,
    tokenTtlSeconds: opts.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds,
    rateLimit: rateLimitSettings(opts.rateLimit),
    operating: operatingSettings(opts.operating),
  })
  const bigBacklog = opts.bigBacklog === undefined ? undefined : addBigBacklog(state.store, opts.bigBacklog)
  const hostDir = opts.hostDir ?? HOST_DIR
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    noReuseWhileDropping(state, req, res)
    route(state, hostDir, req, res).catch((error: unknown) => {
      console.error('[portal] request failed:', error)
      if (!res.headersSent) sendText(res, 500, `Portal error: ${(error as Error).message}`)
      else res.end()
    })
  }
  const tls = opts.https ? await devCertificate(host) : undefined
  const scheme = tls ? 'https' : 'http'
  const server: Server = tls ? createHttpsServer(tls, handler) : createServer(handler)
  state.closeIdleConnections = () => server.closeIdleConnections()
  await listen(server, opts.port ?? DEFAULTS.port, host)
  const port = actualPort(server)
  state.origin = `${scheme}://${host}:${port}`

  let appServer: Server | undefined
  let appUrl = opts.appUrl ?? DEFAULTS.appUrl
  if (opts.serveAppDir) {
    try {
      const app = await startAppServer(resolve(opts.serveAppDir), host, opts.appPort ?? DEFAULTS.appPort, tls)
      appServer = app.server
      appUrl = opts.appUrl ?? `${scheme}://${host}:${app.port}/`
    } catch (error) {
      await closeServer(server)
      throw error
    }
  }
  state.appUrl = appUrl
  state.installApp()

  return {
    url: state.origin,
    appUrl,
    webhookUrl: `${state.origin}/rest/${DEFAULTS.adminWebhook.userId}/${DEFAULTS.adminWebhook.secret}/`,
    port,
    store: state.store,
    bigBacklog,
    state,
    async close() {
      await Promise.all([closeServer(server), appServer ? closeServer(appServer) : Promise.resolve()])
    },
  }
}
