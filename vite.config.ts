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

export default defineConfig({
  // React Aria's own strings only in the languages the app speaks (it ships 34).
  plugins: [react(), optimizeLocales.vite({ locales: ['en', 'ru', 'de'] }), answerPortalPost(), sourceMapsApart()],
  // Relative asset URLs: the same build works at a server's root, behind a path prefix, and as a
  // static local application that Bitrix24 hosts in a folder of its own.
  base: './',
  // `@/lib/…` instead of `../../../../lib/…` (the same alias is in tsconfig.json).
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { port: Number(process.env.APP_PORT ?? 7101), strictPort: true, host: 'localhost' },
  preview: { port: Number(process.env.APP_PORT ?? 7101), strictPort: true, host: 'localhost' },
  build: { sourcemap: 'hidden' },
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
