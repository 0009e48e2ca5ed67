/**
 * The built app held in memory, each text file compressed once at start (brotli and gzip), so a
 * request costs a lookup. Source maps are never loaded: they are not for the public.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { extname, join, relative, sep } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { contentType } from './content-types'

export interface SiteFile {
  /** Path inside the site, with forward slashes and no leading slash: `assets/index-abc.js`. */
  path: string
  type: string
  body: Buffer
  br?: Buffer
  gzip?: Buffer
  etag: string
  /** Vite puts a content hash in every name under assets/, so those never change. */
  immutable: boolean
}

export type Site = ReadonlyMap<string, SiteFile>

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt'])

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

function compressed(body: Buffer): { br?: Buffer; gzip?: Buffer } {
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
  const gzip = gzipSync(body, { level: 9 })
  // A tiny file can grow when compressed; then it goes out as it is.
  return { ...(br.length < body.length ? { br } : {}), ...(gzip.length < body.length ? { gzip } : {}) }
}

export async function loadSite(distDir: string): Promise<Site> {
  let files: string[]
  try {
    files = await listFiles(distDir)
  } catch {
    throw new Error(`The app is not built: ${distDir} does not exist. Run \`npm run build\` first.`)
  }
  const site = new Map<string, SiteFile>()
  for (const file of files) {
    const ext = extname(file).toLowerCase()
    if (ext === '.map') continue
    const path = relative(distDir, file).split(sep).join('/')
    const body = await readFile(file)
    site.set(path, {
      path,
      type: contentType(file),
      body,
      ...(COMPRESSIBLE.has(ext) ? compressed(body) : {}),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      immutable: path.startsWith('assets/'),
    })
  }
  if (!site.has('index.html')) throw new Error(`The app is not built: ${join(distDir, 'index.html')} is missing. Run \`npm run build\` first.`)
  return site
}

/** A page request: the portal opens `/`, `/index.html`, `/install.html` or a path of its own. */
export function isPage(pathname: string): boolean {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1)
  return last === '' || !last.includes('.') || last.endsWith('.html')
}

/**
 * The file for a path. Asset URLs are relative to the page (the build uses base `./`, which a
 * static local app needs), so a page mounted at `/scrum/` asks for `/scrum/assets/…`: any prefix
 * before `assets/` or before a root file is accepted.
 */
export function findFile(site: Site, pathname: string): SiteFile | undefined {
  const path = pathname.replace(/^\/+/, '')
  const exact = site.get(path)
  if (exact) return exact
  const assets = path.lastIndexOf('assets/')
  if (assets > 0 && path[assets - 1] === '/') return site.get(path.slice(assets))
  const name = path.slice(path.lastIndexOf('/') + 1)
  const atRoot = site.get(name)
  return atRoot && !atRoot.immutable ? atRoot : undefined
}

/** Which page answers: a named page the site has, or the app's index.html. */
export function findPage(site: Site, pathname: string): SiteFile {
  const name = pathname.slice(pathname.lastIndexOf('/') + 1)
  const page = name.endsWith('.html') ? site.get(name) : undefined
  return page ?? (site.get('index.html') as SiteFile)
}
