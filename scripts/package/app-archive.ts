/**
 * The app as a Bitrix24 **static local application**: a zip with `index.html` and its assets at
 * the top level, which the portal unpacks and hosts itself (Applications → Developer resources →
 * Other → Local application, "upload archive"). `install.html` is the page the portal opens while
 * the app is being installed; it is the same app, which sees install mode in the frame's data and
 * binds its workgroup tab before finishing the installation.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { zipSync, type Zippable } from 'fflate'

export const INSTALL_PAGE = 'install.html'

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

/** Zip the built app (`dist/`): source maps stay out, install.html is added. */
export async function appArchive(distDir: string): Promise<Uint8Array> {
  const files: Zippable = {}
  let index: Uint8Array | undefined
  for (const file of await listFiles(distDir)) {
    const path = relative(distDir, file).split(sep).join('/')
    if (path.endsWith('.map')) continue
    const body = new Uint8Array(await readFile(file))
    files[path] = body
    if (path === 'index.html') index = body
  }
  if (!index) throw new Error(`The app is not built: ${join(distDir, 'index.html')} is missing. Run \`npm run build\` first.`)
  files[INSTALL_PAGE] = index
  // A fixed date keeps the archive byte-for-byte the same for the same build.
  return zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') })
}
