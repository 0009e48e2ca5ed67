// `npm run dev`: the app on Vite's dev server and the dev portal beside it, on their own origins.
// Prints the one URL to open: the portal page with the app inside.
import { createServer } from 'vite'
import { startPortal } from '../e2e/portal/server'

const appPort = Number(process.env.APP_PORT ?? 7101)
const portalPort = Number(process.env.PORTAL_PORT ?? 7100)
const appUrl = process.env.APP_URL ?? `http://localhost:${appPort}/`

// The out-of-frame page links here in development.
process.env.VITE_PORTAL_URL ??= `http://localhost:${portalPort}/`
const vite = await createServer({ server: { port: appPort, strictPort: true } })
await vite.listen()
const portal = await startPortal({ port: portalPort, appUrl })

console.log(`
  Scrum Backlog dev portal is running.

  Open  ${portal.url}/   (the portal with the app inside)

  App (Vite, opened by the portal):  ${appUrl}
  Admin webhook:                     ${portal.webhookUrl}
`)

const stop = async () => {
  await Promise.allSettled([vite.close(), portal.close()])
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
