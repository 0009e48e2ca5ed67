// `npm run preview`: the built app (`dist/`) on the production server (`npm start`) at
// http://localhost:7101/, opened by the dev portal at http://localhost:7100/.
import { startPortalWithApp } from './serve/with-portal'

const running = await startPortalWithApp({
  portalPort: Number(process.env.PORTAL_PORT ?? 7100),
  appPort: Number(process.env.APP_PORT ?? 7101),
  log: (line) => console.log(line),
})
console.log(`
  The built app on the production server, inside the dev portal.

  Open  ${running.portal.url}/   (the portal with the app inside)

  App (production server):  ${running.app.url}
  Admin webhook:            ${running.portal.webhookUrl}
`)
const stop = () => void running.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
