/**
 * Request parameters the way PHP sees them: query string + body, where a body is JSON,
 * x-www-form-urlencoded or multipart/form-data, and bracket keys (`filter[%NAME]=x`,
 * `select[]=ID`) build nested arrays (digest §0.1).
 */
import type { IncomingMessage } from 'node:http'
import qs from 'qs'

export type Params = Record<string, unknown>

const MAX_BODY = 20 * 1024 * 1024

const QS_OPTIONS = {
  depth: 20,
  arrayLimit: 10_000,
  parameterLimit: 100_000,
  allowDots: false,
  // PHP keeps the last of `a=1&a=2`.
  duplicates: 'last',
  ignoreQueryPrefix: true,
} as const

/** PHP `parse_str`. */
export function parsePhpQuery(query: string): Params {
  return qs.parse(query, QS_OPTIONS) as Params
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > MAX_BODY) throw new Error('Request body too large')
    chunks.push(buf)
  }
  return Buffer.concat(chunks)
}

export type BodyParse = { ok: true; params: Params } | { ok: false; reason: string }

export function parseBody(raw: Buffer, contentType: string | undefined): BodyParse {
  if (raw.length === 0) return { ok: true, params: {} }
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const text = raw.toString('utf8')
  if (type === 'application/json' || (type === '' && /^\s*[[{]/.test(text))) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (Array.isArray(parsed)) return { ok: true, params: Object.fromEntries(parsed.map((v, i) => [String(i), v])) }
      return { ok: true, params: parsed !== null && typeof parsed === 'object' ? (parsed as Params) : {} }
    } catch (error) {
      return { ok: false, reason: `Request body is not valid JSON: ${(error as Error).message}` }
    }
  }
  if (type === 'multipart/form-data') {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1]
    if (!boundary) return { ok: false, reason: 'multipart body without a boundary' }
    return { ok: true, params: parseMultipart(raw, boundary) }
  }
  return { ok: true, params: parsePhpQuery(text) }
}

/**
 * Fields of a multipart body (files are kept as their base64 content, which is how REST methods
 * take files anyway). The pairs are re-encoded and fed through the PHP query parser so bracket
 * names nest exactly as in a urlencoded body.
 */
function parseMultipart(raw: Buffer, boundary: string): Params {
  const pairs: string[] = []
  const delimiter = Buffer.from(`--${boundary}`)
  let pos = raw.indexOf(delimiter)
  while (pos !== -1) {
    const partStart = pos + delimiter.length
    const nextPos = raw.indexOf(delimiter, partStart)
    if (nextPos === -1) break
    const part = raw.subarray(partStart, nextPos)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8')
      let content = part.subarray(headerEnd + 4)
      if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2)
      const name = /name="([^"]*)"/i.exec(headers)?.[1]
      if (name !== undefined) {
        const isFile = /filename="/i.test(headers)
        const value = isFile ? content.toString('base64') : content.toString('utf8')
        pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
      }
    }
    pos = nextPos
  }
  return parsePhpQuery(pairs.join('&'))
}

/** JSON body of the control / portal endpoints (plain JSON objects only). */
export async function readJson(req: IncomingMessage): Promise<Params> {
  const raw = await readBody(req)
  const parsed = parseBody(raw, req.headers['content-type'] ?? 'application/json')
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.params
}
