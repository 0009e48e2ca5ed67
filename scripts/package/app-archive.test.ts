import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appArchive } from './app-archive'

let work: string
let files: Record<string, Uint8Array>

// The real production build, into a folder of its own, zipped as `npm run package` zips it.
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'package-test-'))
  await build({ logLevel: 'silent', build: { outDir: join(work, 'dist'), emptyOutDir: true } })
  files = unzipSync(await appArchive(join(work, 'dist')))
}, 120_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const text = (name: string) => strFromU8(files[name] as Uint8Array)

describe('the static local application archive', () => {
  it('has index.html and install.html at the top level, not inside a folder', () => {
    const names = Object.keys(files)
    expect(names).toContain('index.html')
    expect(names).toContain('install.html')
    expect(text('install.html')).toBe(text('index.html'))
    expect(names.every((name) => !name.startsWith('dist/') && !name.startsWith('/'))).toBe(true)
  })

  it('holds every file the page loads, by relative URLs that work in the folder the portal puts it in', () => {
    const urls = [...text('index.html').matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string)
    expect(urls.length).toBeGreaterThanOrEqual(3)
    for (const url of urls) {
      expect(url, url).toMatch(/^\.\//)
      expect(Object.keys(files), url).toContain(url.slice(2))
    }
    expect(Object.keys(files).filter((name) => name.startsWith('assets/')).some((name) => name.endsWith('.js'))).toBe(true)
  })

  it('carries no source maps and no pointers to them', async () => {
    expect(Object.keys(files).filter((name) => name.endsWith('.map'))).toEqual([])
    for (const name of Object.keys(files).filter((n) => n.endsWith('.js') || n.endsWith('.css'))) {
      expect(text(name), name).not.toMatch(/sourceMappingURL/)
    }
    // The maps were written for debugging, beside the build and not in it.
    expect((await readdir(join(work, 'dist-maps', 'assets'))).some((name) => name.endsWith('.js.map'))).toBe(true)
  })

  it('has no inline script, so the page runs under a strict CSP', () => {
    expect(text('index.html')).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
  })
})
