// `npm start`: the production server for the built app (`npm run build` first).
// PORTAL_ORIGINS (required), PORT (8080), HOST (0.0.0.0), DIST_DIR (dist), TLS_CERT_FILE + TLS_KEY_FILE.
import { ConfigError, readConfig } from './serve/config'
import { startAppServer } from './serve/app-server'

try {
  const config = readConfig(process.env)
  const app = await startAppServer(config, (line) => console.log(line))
  console.log(`Scrum Backlog is served at ${app.url} for ${config.portalOrigins.join(', ')} (health: ${app.url}healthz)`)
  const stop = () => void app.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  console.error(error instanceof ConfigError ? `Configuration: ${error.message}` : (error as Error).message)
  process.exit(1)
}
