/** Static files with the right content types and no caching (files change while developing). */
import { readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { send } from './send'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

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
