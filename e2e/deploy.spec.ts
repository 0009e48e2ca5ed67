import { mkdtemp, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { appArchive } from '../scripts/package/app-archive'
import { startAppServer } from '../scripts/serve/app-server'
import { devCertificate } from './portal/http/tls'
import { SEED } from './portal/data/seed-default'
import { startPortal, type RunningPortal } from './portal/server'
import { expect, test } from './fixtures'
import { BacklogPage, GroupPickerPage } from './fixtures/app-page'
import { PortalShell } from './fixtures/portal-shell'

test.describe('the production server, as a portal meets it', () => {
  test('answers the portal’s POST with the app page, names the portal in its CSP and serves assets compressed for a year', async ({
    request,
    portalServer,
  }) => {
    // Bitrix24 opens the handler with a form POST carrying the tokens in its body.
    const page = await request.post(`${portalServer.appUrl}?DOMAIN=localhost&LANG=en&APP_SID=x`, {
      form: { AUTH_ID: 'secret-token', REFRESH_ID: 'secret-refresh', PLACEMENT: 'DEFAULT' },
    })
    expect(page.status()).toBe(200)
    expect(page.headers()['content-type']).toContain('text/html')
    expect(page.headers()['cache-control']).toContain('no-cache')
    const csp = page.headers()['content-security-policy']
    expect(csp).toContain(`frame-ancestors ${portalServer.url}`)
    expect(csp).toContain(`connect-src 'self' ${portalServer.url}`)
    expect(csp).not.toContain('unsafe-inline')

    const html = await page.text()
    const script = /<script[^>]+src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(script, 'the page loads a hashed bundle').toBeTruthy()
    const asset = await request.get(`${portalServer.appUrl}${script}`, { headers: { 'Accept-Encoding': 'br, gzip' } })
    expect(asset.status()).toBe(200)
    expect(asset.headers()['content-encoding']).toBe('br')
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable')

    // The source maps were built but are not served.
    expect((await request.get(`${portalServer.appUrl}${script}.map`)).status()).toBe(404)
    expect((await request.get(`${portalServer.appUrl}healthz`)).status()).toBe(200)
  })

  test('a page on another site cannot frame the app', async ({ page, portalServer }) => {
    const refused: string[] = []
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refused.push(message.text())
    })
    // Another site (served from this machine: Chromium stops a public page from framing a local
    // one before any CSP is read, which would prove nothing).
    const elsewhere = createServer((req, res) => {
      req.resume()
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<iframe id="app" src="${portalServer.appUrl}"></iframe>`)
    })
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve))
    try {
      await page.goto(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`)
      await expect.poll(() => refused.length).toBeGreaterThan(0)
      await expect(page.frameLocator('#app').getByRole('heading', { name: 'Open Scrum Backlog from your Bitrix24' })).toHaveCount(0)
    } finally {
      elsewhere.close()
    }
  })
})

/**
 * A stand-in for Bitrix24 hosting a static local application: the archive's files under a folder
 * of the portal's file storage, answered for GET and for the portal's POST alike, with no headers
 * of the app's own.
 */
async function hostStaticApp(files: Record<string, Uint8Array>, folder: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml', json: 'application/json' }
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const name = path.startsWith(folder) ? decodeURIComponent(path.slice(folder.length)) : undefined
    const body = name === undefined ? undefined : files[name === '' ? 'index.html' : name]
    req.resume()
    if (!body) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': types[name!.split('.').pop() ?? ''] ?? 'application/octet-stream' })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve))
  return { url: `http://localhost:${(server.address() as AddressInfo).port}${folder}`, server }
}

test.describe('the static local application package', () => {
  let portal: RunningPortal | undefined
  let host: Server | undefined
  test.afterEach(async () => {
    await Promise.all([portal?.close(), new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)))])
  })

  test('installs from install.html in a folder of the portal and then opens in the workgroup tab', async ({ page }) => {
    const files = unzipSync(await appArchive('dist'))
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['index.html', 'install.html']))
    expect(Object.keys(files).filter((name) => name.endsWith('.map'))).toEqual([])

    const hosted = await hostStaticApp(files, '/upload/rest/app/7/')
    host = hosted.server
    portal = await startPortal({ port: 0 })
    // A portal where the app is not installed yet.
    portal.store.placements.splice(0)
    // The portal opens the archive's install page until the installation is finished.
    portal.state.appUrl = `${hosted.url}install.html`
    const shell = new PortalShell(page, portal.url)
    await shell.open({ install: true })
    await shell.appFrame.getByRole('button', { name: 'Finish installation' }).click()
    await new GroupPickerPage(shell.appFrame).expectLoaded()

    // The tab it bound opens index.html beside it, not the install page.
    expect(portal.store.placements.map((binding) => [binding.placement, binding.handler])).toEqual([
      ['SONET_GROUP_DETAIL_TAB', `${hosted.url}index.html`],
    ])
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.alpha })
    await expect(new BacklogPage(shell.appFrame).title).toHaveText('Команда «Альфа»')
  })
})

test.describe('over HTTPS, as on a real portal', () => {
  test.use({ ignoreHTTPSErrors: true })

  test('the production server with a certificate and an https portal: the app connects and lists the teams', async ({ page }) => {
    const { portal, app } = await test.step('start both servers over TLS', async () => {
      const { cert } = await devCertificate('localhost')
      const pem = join(await mkdtemp(join(tmpdir(), 'scrum-tls-')), 'dev.pem')
      await writeFile(pem, cert)
      const portal = await startPortal({ port: 0, https: true })
      const app = await startAppServer({ distDir: 'dist', host: 'localhost', port: 0, portalOrigins: [portal.url], tls: { certFile: pem, keyFile: pem } })
      return { portal, app }
    })
    try {
      expect(portal.url).toMatch(/^https:/)
      expect(app.url).toMatch(/^https:/)
      portal.state.appUrl = app.url
      portal.state.installApp()
      const shell = new PortalShell(page, portal.url)
      await test.step('open the portal', () => page.goto(`${portal.url}/`, { waitUntil: 'domcontentloaded', timeout: 15_000 }))
      await expect(shell.appFrame.locator('.app-greeting')).toHaveText(/^Hello, Olivia!/)
      await new GroupPickerPage(shell.appFrame).expectLoaded()
    } finally {
      await test.step('stop both servers', async () => {
        await page.close()
        await Promise.all([app.close(), portal.close()])
      })
    }
  })
})
