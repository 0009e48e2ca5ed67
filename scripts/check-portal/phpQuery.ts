/**
 * A `batch` command is `method?<query string>` in PHP bracket notation (digest §9), parsed with
 * parse_str: every scalar arrives as a string, `false` as '' (so `filter[!FIELD]=` still means
 * "FIELD is not empty", as the app's batches send it).
 */
export function phpQuery(params: Record<string, unknown>): string {
  const parts: string[] = []
  const walk = (prefix: string, value: unknown): void => {
    if (value === undefined) return
    if (value === null || value === false) parts.push(`${encodeURIComponent(prefix)}=`)
    else if (value === true) parts.push(`${encodeURIComponent(prefix)}=1`)
    else if (Array.isArray(value)) value.forEach((item, i) => walk(`${prefix}[${i}]`, item))
    else if (typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(`${prefix}[${key}]`, item)
    else parts.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`)
  }
  for (const [key, value] of Object.entries(params)) walk(key, value)
  return parts.join('&')
}

export const command = (method: string, params: Record<string, unknown> = {}) => {
  const query = phpQuery(params)
  return query ? `${method}?${query}` : method
}
