import { mkdir, rename, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Connect, Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import optimizeLocales from '@react-aria/optimize-locales-plugin'

/**
 * Bitrix24 opens an app page with a form POST (auth in the body), as every placement does.
 * Vite's dev and preview servers answer POST with 404, so treat a POST for a page like a GET.
 */
function answerPortalPost(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const accept = req.headers.accept ?? ''
    if (req.method === 'POST' && accept.includes('text/html')) req.method = 'GET'
    next()
  }
  return {
    name: 'answer-portal-post',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  }
}

/**
 * Source maps are written for debugging a production stack trace, but never served: they move
 * from `dist/` to `dist-maps/` (beside whatever the out dir is), and the bundles carry no
 * `sourceMappingURL` comment.
 */
function sourceMapsApart(): Plugin {
  let outDir = 'dist'
  const mapsDir = () => `${outDir.replace(/[\\/]+$/, '')}-maps`
  return {
    name: 'source-maps-apart',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    buildStart: async () => void (await rm(mapsDir(), { recursive: true, force: true })),
    writeBundle: async (_options, bundle) => {
      for (const fileName of Object.keys(bundle).filter((name) => name.endsWith('.map'))) {
        const target = join(mapsDir(), fileName)
        await mkdir(dirname(target), { recursive: true })
        await rename(join(outDir, fileName), target)
      }
    },
  }
}

/**
 * Which source modules each first screen imports statically, read from the module graph once it
 * is complete. The chunking below makes one file of what every screen needs (the entry, and what
 * the team picker and the planning screen share) and one of what only the planning screen needs,
 * instead of a file per set of importers (40 files on the planning screen's first load).
 */
const firstScreens = { entry: new Set<string>(), picker: new Set<string>(), planning: new Set<string>() }
const screenRoots = {
  entry: /[\\/]src[\\/]main\.tsx$/,
  picker: /[\\/]src[\\/]features[\\/]scrum-groups[\\/]ScrumGroupsScreen\.tsx$/,
  planning: /[\\/]src[\\/]features[\\/]planning[\\/]PlanningScreen\.tsx$/,
}
function findFirstScreens(): Plugin {
  return {
    name: 'find-first-screens',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()]
      for (const [screen, pattern] of Object.entries(screenRoots) as [keyof typeof firstScreens, RegExp][]) {
        const found = firstScreens[screen]
        found.clear()
        const queue = ids.filter((id) => pattern.test(id))
        for (const id of queue) {
          if (found.has(id)) continue
          found.add(id)
          // Libraries follow the source modules that use them (rolldown takes only the parts used).
          queue.push(...(this.getModuleInfo(id)?.importedIds ?? []).filter((dep) => !dep.includes('node_modules')))
        }
      }
    },
  }
}
const { entry, picker, planning } = firstScreens
const isShared = (id: string) => entry.has(id) || (picker.has(id) && planning.has(id))

export default defineConfig({
  // React Aria's own strings only in the languages the app speaks (it ships 34).
  plugins: [react(), optimizeLocales.vite({ locales: ['en', 'ru', 'de'] }), answerPortalPost(), sourceMapsApart(), findFirstScreens()],
  // Relative asset URLs: the same build works at a server's root, behind a path prefix, and as a
  // static local application that Bitrix24 hosts in a folder of its own.
  base: './',
  // `@/lib/…` instead of `../../../../lib/…` (the same alias is in tsconfig.json).
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { port: Number(process.env.APP_PORT ?? 7101), strictPort: true, host: 'localhost' },
  preview: { port: Number(process.env.APP_PORT ?? 7101), strictPort: true, host: 'localhost' },
  build: {
    sourcemap: 'hidden',
    // Every browser Bitrix24 supports knows <link rel="modulepreload">: no polyfill in the entry.
    modulePreload: { polyfill: false },
    // One file for what every screen needs is the point (see below), and it is over Vite's 500 kB hint.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'app', test: isShared, priority: 2 },
            { name: 'PlanningScreen', test: (id) => planning.has(id) && !isShared(id), priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'portal', environment: 'node', include: ['e2e/portal/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'scripts', environment: 'node', include: ['scripts/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
})
