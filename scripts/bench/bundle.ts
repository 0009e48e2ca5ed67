/**
 * What a first screen costs in JavaScript and CSS, gzip-compressed, next to a floor measured in the
 * same run: a minimal app built by the same Vite with the same versions of what the app cannot do
 * without (react, react-dom, react-query, zustand, and the SDK's frame client used the way the app
 * uses it). The ratio is what the app adds on top.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const FLOOR_DIR = resolve('node_modules/.cache/bench-floor')

const FLOOR_ENTRY = `
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { create } from 'zustand'
import { initializeB24Frame } from '@bitrix24/b24jssdk'

const useUi = create<{ groupId: number | null; choose(id: number): void }>((set) => ({ groupId: null, choose: (groupId) => set({ groupId }) }))
const frame = initializeB24Frame()

function Groups() {
  const choose = useUi((state) => state.choose)
  const groups = useQuery({
    queryKey: ['groups'],
    queryFn: async () => {
      const b24 = await frame
      b24.parent.setTitle('Floor')
      const answer = await b24.actions.v2.call.make({ method: 'socialnetwork.api.workgroup.list', params: {} })
      return answer.getData()
    },
  })
  return <button onClick={() => choose(1)}>{JSON.stringify(groups.data)}</button>
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <Groups />
  </QueryClientProvider>,
)
`

export function gzipSize(body: Buffer | string): number {
  return gzipSync(body, { level: 9 }).length
}

/** Build the floor app and return the gzip size of everything it loads, and how many files. */
export async function measureFloor(): Promise<{ gzip: number; files: number }> {
  await rm(FLOOR_DIR, { recursive: true, force: true })
  await mkdir(FLOOR_DIR, { recursive: true })
  await writeFile(join(FLOOR_DIR, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>')
  await writeFile(join(FLOOR_DIR, 'main.tsx'), FLOOR_ENTRY)
  await build({
    root: FLOOR_DIR,
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    base: './',
    build: { outDir: join(FLOOR_DIR, 'dist'), emptyOutDir: true },
  })
  const assets = join(FLOOR_DIR, 'dist', 'assets')
  const names = (await readdir(assets)).filter((name) => /\.(js|css)$/.test(name))
  let gzip = 0
  for (const name of names) gzip += gzipSize(await readFile(join(assets, name)))
  return { gzip, files: names.length }
}

/** The gzip size of files of the built app (`dist/`), by the paths the page requested. */
export async function appFilesSize(distDir: string, paths: Iterable<string>): Promise<number> {
  let total = 0
  for (const path of new Set(paths)) total += gzipSize(await readFile(join(distDir, path)))
  return total
}
