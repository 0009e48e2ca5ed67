/**
 * `--serve-app DIR`: the built SPA on its own origin. Bitrix24 opens an app page with a form
 * POST (digest §11), so GET and POST of any path without a file answer index.html.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { join } from 'node:path'
import { readBody } from './body'
import { sendText } from './send'
import { isFile, resolveInside, serveFile } from './static'
import type { TlsMaterial } from './tls'

/** With `tls`, the app is served over HTTPS with the portal's certificate. */
export async function startAppServer(dir: string, host: string, port: number, tls?: TlsMaterial): Promise<{ server: Server; port: number }> {
  const index = join(dir, 'index.html')
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const method = req.method ?? 'GET'
      if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
        sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD, POST' })
        return
      }
      if (method === 'POST') await readBody(req) // the launch form (AUTH_ID, …) is for the frame, not us
      const path = new URL(`http://app.invalid${req.url ?? '/'}`).pathname
      const file = resolveInside(dir, path)
      const target = file && (await isFile(file)) ? file : index
      if (!(await isFile(target))) {
        sendText(res, 500, `The app is not built: ${index} is missing. Run \`npm run build\` first.`)
        return
      }
      await serveFile(res, target, {}, method === 'HEAD')
    })().catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `App server error: ${(error as Error).message}`)
    })
  }
  const server: Server = tls ? createHttpsServer(tls, handler) : createServer(handler)
  await listen(server, port, host)
  return { server, port: actualPort(server) }
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

export function actualPort(server: Server): number {
  const address = server.address()
  return typeof address === 'object' && address ? address.port : 0
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
