/**
 * What Bitrix24 puts in the query string when it opens the app: DOMAIN, PROTOCOL, LANG, APP_SID.
 * Read before (and without) the frame handshake, so even the out-of-frame page speaks the portal's language.
 */
export interface LaunchParams {
  domain: string | null
  lang: string | null
  appSid: string | null
}

export function readLaunchParams(search: string = window.location.search): LaunchParams {
  const query = new URLSearchParams(search)
  return { domain: query.get('DOMAIN'), lang: query.get('LANG'), appSid: query.get('APP_SID') }
}

/** The SDK finds its portal in `window.name` (`domain|protocol|appSid`), set by the portal's iframe. */
export function isInPortalFrame(win: Window = window): boolean {
  let framed: boolean
  try {
    framed = win.self !== win.top
  } catch {
    framed = true
  }
  const parts = win.name.split('|')
  return framed && parts.length >= 3 && Boolean(parts[0]) && Boolean(parts.at(-1))
}
