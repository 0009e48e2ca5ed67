/**
 * The production server: serves the built app and answers the portal's POST to an app page
 * (Bitrix24 opens every app page with a form POST carrying AUTH_ID and REFRESH_ID) with the page.
 * The POST body is read and thrown away, never parsed and never logged.
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { contentSecurityPolicy, type ServeConfig } from './config'
import { findFile, findPage, isPage, loadSite, type Site, type SiteFile } from './site'

export interface AppServerOptions {
  site: Site
  portalOrigins: readonly string[]
  /** One line per request: method, path (no query), status, bytes, time. */
  log?: (line: string) => void
}

/** The launch form is a few kilobytes; anything far bigger is not a portal opening the app. */
const MAX_BODY_BYTES = 256 * 1024

type Encoding = 'br' | 'gzip'

/** `br` before `gzip`, unless the client gave it q=0. */
export function pickEncoding(header: string | undefined, file: SiteFile): Encoding | undefined {
  const accepted = new Map<string, number>()
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1)
  }
  const ok = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  if (file.br && ok('br')) return 'br'
  if (file.gzip && ok('gzip')) return 'gzip'
  return undefined
}

function drain(req: IncomingMessage): Promise<boolean> {
  return new Promise((resolve) => {
    let size = 0
    let tooBig = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooBig = true
    })
    req.on('end', () => resolve(!tooBig))
    req.on('error', () => resolve(false))
  })
}

/** Headers set one by one, so the access log can read the size back (`writeHead`'s own are hidden). */
function writeHead(res: ServerResponse, status: number, headers: Record<string, string | number>) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  res.writeHead(status)
}

export function createAppHandler(options: AppServerOptions) {
  const { site, log } = options
  const startedAt = new Date().toISOString()

  const securityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy(options.portalOrigins),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  }

  function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
    const body = Buffer.from(text)
    writeHead(res, status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store', ...headers })
    res.end(body)
  }

  /** Every page gets a fresh nonce, in its CSP header and in the meta tag React Aria reads it from. */
  function sendPage(res: ServerResponse, file: SiteFile, head: boolean) {
    const nonce = randomBytes(16).toString('base64')
    const html = file.body.toString('utf8').replace(/<head>/i, (tag) => `${tag}\n    <meta property="csp-nonce" nonce="${nonce}" />`)
    const body = Buffer.from(html)
    writeHead(res, 200, {
      ...securityHeaders,
      'Content-Security-Policy': contentSecurityPolicy(options.portalOrigins, nonce),
      'Content-Type': file.type,
      'Cache-Control': 'no-cache',
      'Content-Length': body.length,
    })
    res.end(head ? undefined : body)
  }

  function sendFile(req: IncomingMessage, res: ServerResponse, file: SiteFile, head: boolean) {
    const cache = file.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600'
    const headers: Record<string, string | number> = { ...securityHeaders, 'Content-Type': file.type, 'Cache-Control': cache, ETag: file.etag }
    if (file.br || file.gzip) headers.Vary = 'Accept-Encoding'
    if (req.method !== 'POST' && req.headers['if-none-match'] === file.etag) {
      writeHead(res, 304, headers)
      res.end()
      return
    }
    const encoding = pickEncoding(req.headers['accept-encoding'], file)
    const body = encoding ? (file[encoding] as Buffer) : file.body
    if (encoding) headers['Content-Encoding'] = encoding
    headers['Content-Length'] = body.length
    writeHead(res, 200, headers)
    res.end(head ? undefined : body)
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? 'GET'
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://app.invalid').pathname)
    } catch {
      return sendText(res, 400, 'Bad request')
    }
    if (pathname.includes('\0') || pathname.split('/').includes('..')) return sendText(res, 400, 'Bad request')

    if (pathname === '/healthz') {
      if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' })
      const body = JSON.stringify({ status: 'ok', files: site.size, startedAt })
      writeHead(res, 200, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) })
      return res.end(method === 'HEAD' ? undefined : body)
    }

    const page = isPage(pathname)
    if (method === 'POST') {
      if (!page) return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' })
      if (!(await drain(req))) return sendText(res, 413, 'Request body too large', { Connection: 'close' })
    } else if (method !== 'GET' && method !== 'HEAD') {
      return sendText(res, 405, 'Method not allowed', { Allow: page ? 'GET, HEAD, POST' : 'GET, HEAD' })
    }

    if (page) return sendPage(res, findPage(site, pathname), method === 'HEAD')
    const file = findFile(site, pathname)
    if (!file) return sendText(res, 404, 'Not found')
    sendFile(req, res, file, method === 'HEAD')
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    res.once('finish', () => {
      if (!log) return
      const path = (req.url ?? '/').split('?')[0]
      const bytes = Number(res.getHeader('Content-Length') ?? 0)
      log(`${new Date().toISOString()} ${req.method} ${path} ${res.statusCode} ${bytes}B ${Math.round(performance.now() - started)}ms`)
    })
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Server error')
      else res.end()
    })
  }
}

export interface RunningAppServer {
  server: Server
  url: string
  close(): Promise<void>
}

/** Start on `config.host:config.port` (0 picks a free port); HTTPS when certificate files are given. */
export async function startAppServer(config: ServeConfig, log?: (line: string) => void): Promise<RunningAppServer> {
  const site = await loadSite(config.distDir)
  const handler = createAppHandler({ site, portalOrigins: config.portalOrigins, ...(log ? { log } : {}) })
  const server: Server = config.tls
    ? createHttpsServer({ cert: await readFile(config.tls.certFile), key: await readFile(config.tls.keyFile) }, handler)
    : createHttpServer(handler)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  return {
    server,
    url: `${config.tls ? 'https' : 'http'}://${shownHost}:${port}/`,
    // Answers in flight get a second to finish; then every connection goes, so a browser that
    // keeps one open (e.g. a TLS connection it opened ahead) cannot hold the stop up.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
        setTimeout(() => server.closeAllConnections(), 1000).unref()
      }),
  }
}
