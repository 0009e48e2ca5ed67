import { fileURLToPath } from 'node:url'
import type { Connect, Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

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

export default defineConfig({
  plugins: [react(), answerPortalPost()],
  // `@/lib/…` instead of `../../../../lib/…` (the same alias is in tsconfig.json).
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { port: Number(process.env.APP_PORT ?? 7101), strictPort: true, host: 'localhost' },
  preview: { port: Number(process.env.APP_PORT ?? 7101), strictPort: true, host: 'localhost' },
  build: { sourcemap: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'portal', environment: 'node', include: ['e2e/portal/**/*.test.ts'] },
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
