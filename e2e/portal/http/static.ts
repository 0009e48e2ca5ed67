/** Static files with the right content types and no caching (files change while developing). */
import { readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { resolve, sep } from 'node:path'
import { contentType } from '../../../scripts/serve/content-types'
import { send } from './send'

/** `root` + a URL path, or undefined when the path tries to leave `root`. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const base = resolve(root)
  const full = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`)
  return full === base || full.startsWith(base + sep) ? full : undefined
}

export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

export async function serveFile(res: ServerResponse, path: string, headers: Record<string, string> = {}, headOnly = false): Promise<number> {
  const body = await readFile(path)
  if (headOnly) {
    res.writeHead(200, { 'Content-Type': contentType(path), 'Content-Length': String(body.length), 'Cache-Control': 'no-cache', ...headers })
    res.end()
    return 0
  }
  return send(res, 200, body, { 'Content-Type': contentType(path), 'Cache-Control': 'no-cache', ...headers })
}
