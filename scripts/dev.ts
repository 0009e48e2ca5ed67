// `npm run dev`: the app on Vite's dev server and the dev portal beside it, on their own origins.
// Prints the one URL to open: the portal page with the app inside.
//
//   npm run dev                        http, the dev portal with seeded data
//   npm run dev -- --https             both over https with a self-signed certificate made in
//                                      JavaScript (no binary download): what a real portal needs
//   npm run dev -- --https --no-portal only the app, for a local application on a real Bitrix24
//                                      whose handler URL is https://127.0.0.1:7101/ (or DEV_HOST)
//
// Environment: APP_PORT (7101), PORTAL_PORT (7100), DEV_HOST (an extra host name for the
// certificate and the handler URL, e.g. a LAN address), APP_URL (where the portal opens the app).
import { parseArgs } from 'node:util'
import basicSsl from '@vitejs/plugin-basic-ssl'
import { createServer } from 'vite'
import { startPortal } from '../e2e/portal/server'

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { https: { type: 'boolean', default: process.env.DEV_HTTPS === '1' }, 'no-portal': { type: 'boolean', default: false } },
  strict: true,
})
const https = values.https
const withPortal = !values['no-portal']

const appPort = Number(process.env.APP_PORT ?? 7101)
const portalPort = Number(process.env.PORTAL_PORT ?? 7100)
const devHost = process.env.DEV_HOST?.trim() || undefined
// Bitrix24 wants an https handler whose host has a dot: 127.0.0.1 has three, and the generated
// certificate always covers it.
const appHost = https ? (devHost ?? '127.0.0.1') : 'localhost'
const appUrl = process.env.APP_URL ?? `${https ? 'https' : 'http'}://${appHost}:${appPort}/`
const portalUrl = `${https ? 'https' : 'http'}://localhost:${portalPort}/`

// The out-of-frame page links here in development.
if (withPortal) process.env.VITE_PORTAL_URL ??= portalUrl
const vite = await createServer({
  plugins: https ? [basicSsl({ name: 'scrum-backlog-dev', domains: devHost ? [devHost] : [], certDir: 'node_modules/.cache/dev-https' })] : [],
  server: {
    port: appPort,
    strictPort: true,
    // Listen where the handler URL points: 127.0.0.1 (or every interface for a DEV_HOST).
    host: https ? (devHost ? '0.0.0.0' : '127.0.0.1') : 'localhost',
    allowedHosts: devHost ? [devHost] : [],
  },
})
await vite.listen()
const portal = withPortal ? await startPortal({ port: portalPort, appUrl, https }) : undefined

if (portal) {
  console.log(`
  Scrum Backlog dev portal is running${https ? ' over https (self-signed: accept the certificate once for each origin)' : ''}.

  Open  ${portal.url}/   (the portal with the app inside)

  App (Vite, opened by the portal):  ${appUrl}
  Admin webhook:                     ${portal.webhookUrl}
`)
} else {
  console.log(`
  The app is running for a real Bitrix24 portal${https ? '' : ' (plain http: Bitrix24 will not open it; add --https)'}.

  1. Open ${appUrl} once in the browser you use for the portal and accept the certificate.
  2. In the portal: Applications > Developer resources > Other > Local application.
     Handler URL and initial installation URL: ${appUrl}
     Scopes: task, sonet_group, user_brief, placement. See README "Deploy".
`)
}

const stop = async () => {
  await Promise.allSettled([vite.close(), portal?.close()])
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
