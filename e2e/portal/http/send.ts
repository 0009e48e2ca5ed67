/** Response helpers. Each returns the number of body bytes sent, for the request log. */
import type { ServerResponse } from 'node:http'

type Headers = Record<string, string>

export function send(res: ServerResponse, status: number, body: string | Buffer, headers: Headers): number {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  res.writeHead(status, { ...headers, 'Content-Length': String(buf.length) })
  res.end(buf)
  return buf.length
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): number {
  return send(res, status, JSON.stringify(body), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Headers = {}): number {
  return send(res, status, text, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Headers = {}): number {
  return send(res, status, html, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
}

export function sendEmpty(res: ServerResponse, status: number, headers: Headers = {}): number {
  res.writeHead(status, headers)
  res.end()
  return 0
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch)
}
