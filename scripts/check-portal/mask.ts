/**
 * The webhook secret must never reach a terminal, a CI log or a JSON report: everything the suite
 * prints or writes goes through `mask`.
 */

/** `https://portal/rest/7/abc123/` → `{ userId: '7', secret: 'abc123' }`; undefined when it is no webhook URL. */
export function webhookParts(url: string): { origin: string; userId: string; secret: string } | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  const m = /^\/rest\/(\d+)\/([^/]+)\/?$/.exec(parsed.pathname)
  if (!m?.[1] || !m[2]) return undefined
  return { origin: parsed.origin, userId: m[1], secret: decodeURIComponent(m[2]) }
}

/** Any `/rest/<user>/<secret>/` path, whatever portal it belongs to (a URL in an error message, say). */
const WEBHOOK_PATH = /(\/rest\/\d+\/)([^/\s"'?#]+)(?=\/)/g

export class Masker {
  private readonly secrets: string[] = []

  /** Remember a secret; short ones are refused, since masking "1" would garble every number. */
  add(secret: string): void {
    if (secret.length < 4) throw new Error('A webhook secret shorter than 4 characters cannot be masked safely')
    for (const form of new Set([secret, encodeURIComponent(secret)])) if (!this.secrets.includes(form)) this.secrets.push(form)
    // Longest first, so a secret that contains another is replaced whole.
    this.secrets.sort((a, b) => b.length - a.length)
  }

  mask(text: string): string {
    let out = text
    for (const secret of this.secrets) out = out.split(secret).join('****')
    return out.replace(WEBHOOK_PATH, (_m, head: string) => `${head}****`)
  }
}
