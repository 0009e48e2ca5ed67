import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { get as httpGet, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { getCertificate } from '@vitejs/plugin-basic-ssl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAppServer, type RunningAppServer } from './app-server'

const PORTAL = 'https://example.bitrix24.com'
const script = `console.log(${JSON.stringify('the app '.repeat(400))})`

let dir: string
let app: RunningAppServer
const lines: string[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'serve-test-'))
  await mkdir(join(dir, 'assets'))
  await writeFile(join(dir, 'index.html'), '<!doctype html><html><head><title>app</title></head><div id="root"></div><script type="module" src="./assets/index-abc123.js"></script>')
  await writeFile(join(dir, 'install.html'), '<!doctype html><title>install</title><div id="root"></div>')
  await writeFile(join(dir, 'assets', 'index-abc123.js'), script)
  await writeFile(join(dir, 'assets', 'index-abc123.js.map'), '{"version":3}')
  await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  app = await startAppServer({ distDir: dir, host: '127.0.0.1', port: 0, portalOrigins: [PORTAL] }, (line) => lines.push(line))
})

afterAll(async () => {
  await app.close()
  await rm(dir, { recursive: true, force: true })
})

const url = (path: string) => new URL(path.replace(/^\//, ''), app.url).toString()

/** fetch() decompresses by itself; the bytes on the wire need node:http. */
function raw(path: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url(path), { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

/** The launch form Bitrix24 posts into the frame (digest §11). */
const launchForm = () =>
  new URLSearchParams({ AUTH_ID: 'secret-access-token', AUTH_EXPIRES: '3600', REFRESH_ID: 'secret-refresh-token', member_id: 'm1', PLACEMENT: 'DEFAULT', PLACEMENT_OPTIONS: '{}' })

describe('the production server', () => {
  it('answers the portal’s POST to an app page with the page, a CSP that lets only the portal frame it, and no cache', async () => {
    const response = await fetch(url('/?DOMAIN=example.bitrix24.com&PROTOCOL=1&LANG=en&APP_SID=abc'), { method: 'POST', body: launchForm() })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain(`frame-ancestors ${PORTAL}`)
    expect(csp).toContain(`connect-src 'self' ${PORTAL}`)
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('unsafe-inline')
    expect(response.headers.get('x-frame-options')).toBeNull()
    const html = await response.text()
    expect(html).toContain('id="root"')
    // React Aria's own style rules carry this page's nonce; the next page gets another.
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}" />`)
    const next = await fetch(url('/'), { method: 'POST', body: launchForm() })
    expect(next.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`)
  })

  it('answers a POST to any page path (a placement handler of its own, a path prefix) with index.html, and to install.html with that page', async () => {
    expect(await (await fetch(url('/group/tab'), { method: 'POST', body: launchForm() })).text()).toContain('index-abc123.js')
    expect(await (await fetch(url('/install.html'), { method: 'POST', body: launchForm() })).text()).toContain('<title>install</title>')
  })

  it('never writes the launch form, the query or the tokens to its log', async () => {
    lines.length = 0
    await fetch(url('/?DOMAIN=example.bitrix24.com&APP_SID=sid-in-query'), { method: 'POST', body: launchForm() })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/ POST \/ 200 [1-9]\d*B \d+ms$/)
    expect(lines.join('\n')).not.toMatch(/secret|AUTH_ID|REFRESH_ID|sid-in-query|member_id/)
  })

  it('serves hashed assets compressed (brotli, else gzip) with an immutable cache header, wherever the page is mounted', async () => {
    const br = await raw('/assets/index-abc123.js', { 'Accept-Encoding': 'br, gzip' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(br.body.length).toBeLessThan(script.length / 4)
    expect(brotliDecompressSync(br.body).toString()).toBe(script)

    const gzip = await raw('/scrum/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, br;q=0' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(script)

    const plain = await fetch(url('/assets/index-abc123.js'), { headers: { 'Accept-Encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(script)
  })

  it('answers a repeated request with 304 when the ETag matches', async () => {
    const first = await fetch(url('/assets/index-abc123.js'))
    const again = await fetch(url('/assets/index-abc123.js'), { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } })
    expect(again.status).toBe(304)
  })

  it('never serves a source map, and a missing asset is a 404, not the page', async () => {
    expect((await fetch(url('/assets/index-abc123.js.map'))).status).toBe(404)
    expect((await fetch(url('/assets/index-missing.js'))).status).toBe(404)
    expect((await fetch(url('/favicon.svg'))).headers.get('cache-control')).toBe('public, max-age=3600')
  })

  it('refuses other methods, paths that climb out, POSTs to assets and oversized bodies', async () => {
    expect((await fetch(url('/'), { method: 'PUT' })).status).toBe(405)
    expect((await fetch(url('/assets/index-abc123.js'), { method: 'POST' })).status).toBe(405)
    expect((await fetch(url('/assets/..%2f..%2fpackage.json'))).status).toBe(400)
    expect((await fetch(url('/'), { method: 'POST', body: 'x'.repeat(300 * 1024) })).status).toBe(413)
  })

  it('has a health endpoint', async () => {
    const health = await fetch(url('/healthz'))
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', files: 4 })
  })

  it('refuses to start when the app is not built', async () => {
    await expect(startAppServer({ distDir: join(dir, 'nope'), host: '127.0.0.1', port: 0, portalOrigins: [PORTAL] })).rejects.toThrow(/npm run build/)
  })

  it('serves HTTPS when given a certificate and key', async () => {
    const pem = await getCertificate(join(dir, 'cert'), 'serve-test', ['localhost', '127.0.0.1'])
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0] ?? ''
    const key = /-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA )?PRIVATE KEY-----/.exec(pem)?.[0] ?? ''
    await writeFile(join(dir, 'cert.pem'), cert)
    await writeFile(join(dir, 'key.pem'), key)
    const secure = await startAppServer({
      distDir: dir,
      host: '127.0.0.1',
      port: 0,
      portalOrigins: [PORTAL],
      tls: { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') },
    })
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/)
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpsRequest(secure.url, { method: 'POST', ca: cert }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end(launchForm().toString())
      })
      expect(status).toBe(200)
    } finally {
      await secure.close()
    }
  })
})
