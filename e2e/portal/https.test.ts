/**
 * `startPortal({ https: true })`: host page, REST (token and webhook), control and the portal's own
 * endpoints over TLS with the self-signed certificate of http/tls.ts. Requests go through node's
 * https client with certificate checks off (the certificate is self-signed).
 */
import { request } from 'node:https'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal, type RunningPortal } from './server'

let portal: RunningPortal

beforeAll(async () => {
  // The first run makes the key pair in JavaScript (a few seconds); later runs read the cache.
  portal = await startPortal({ port: 0, https: true, rateLimit: false })
}, 60_000)

afterAll(async () => {
  await portal?.close()
})

interface Answer {
  status: number
  type: string
  text: string
}

function call(path: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body)
    const req = request(
      `${portal.url}${path}`,
      {
        method: data === undefined ? 'GET' : 'POST',
        rejectUnauthorized: false,
        headers: data === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

describe('HTTPS mode', () => {
  it('the portal, its webhook and its endpoints are https://', async () => {
    expect(portal.url).toMatch(/^https:\/\/localhost:\d+$/)
    expect(portal.webhookUrl).toBe(`${portal.url}/rest/1/devportaladminhook/`)
    const config = JSON.parse((await call('/portal/config')).text)
    expect(config.origin).toBe(portal.url)
    expect(config.protocol).toBe(1)
  })

  it('serves the host page, REST through the webhook and with a token, and the control API', async () => {
    const host = await call('/')
    expect(host.status).toBe(200)
    expect(host.type).toContain('text/html')

    const me = await call('/rest/1/devportaladminhook/user.current')
    expect(me.status).toBe(200)
    expect(JSON.parse(me.text).result.ID).toBe('1')

    const session = JSON.parse((await call('/portal/session', { userId: 1 })).text)
    expect(session.SERVER_ENDPOINT).toBe(`${portal.url}/rest/`)
    const list = await call('/rest/tasks.api.scrum.sprint.getFields', { auth: session.AUTH_ID })
    expect(JSON.parse(list.text).result.fields.status).toStrictEqual({ type: 'string' })

    const settings = await call('/control/settings')
    expect(settings.status).toBe(200)
    expect(JSON.parse(settings.text).operating.enabled).toBe(true)
  })

  it('does not answer plain http on the same port', async () => {
    await expect(fetch(portal.url.replace('https:', 'http:') + '/portal/config')).rejects.toThrow()
  })
})
