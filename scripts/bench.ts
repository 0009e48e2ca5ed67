// `npm run bench`: what the app costs the portal, measured from the dev portal's request log on the
// large seed (2,000 groups; backlogs of 120 and 1,000 items). Counts and bytes, not timings to assert.
import { chromium, type Page } from '@playwright/test'
import { LARGE } from '../e2e/portal/data/seed-large'
import { appFilesSize, measureFloor } from './bench/bundle'
import { startPortalWithApp } from './serve/with-portal'

interface Logged {
  httpMethod: string
  path: string
  methods: string[]
  status: number
  bytesIn: number
  bytesOut: number
}

const { portal, app, close } = await startPortalWithApp({ seed: 'large' })
const floor = await measureFloor()
const floorGzip = floor.gzip
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})

async function control(path: string, method = 'POST', body?: unknown): Promise<unknown> {
  const response = await fetch(`${portal.url}/control/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return text ? JSON.parse(text) : undefined
}

const LATENCY_MS = 150
let lastAssets: string[] = []

async function measure(name: string, run: (page: Page) => Promise<void>) {
  await control('reset', 'POST', { seed: 'large' })
  // A realistic round trip to a cloud portal, so that waiting one batch after another shows.
  await control('latency', 'POST', { ms: LATENCY_MS })
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  // The app's own JavaScript and CSS this screen needed (the bundle's first screen).
  const assets: string[] = []
  page.on('requestfinished', (request) => {
    const url = new URL(request.url())
    if (url.origin === new URL(app.url).origin && /\.(js|css)$/.test(url.pathname)) assets.push(url.pathname.slice(1))
  })
  const started = Date.now()
  await run(page)
  const elapsed = Date.now() - started
  const log = ((await control('requests', 'GET')) as Logged[]).filter((entry) => entry.httpMethod !== 'OPTIONS')
  await page.close()
  const subCalls = log.reduce((sum, entry) => sum + Math.max(1, entry.methods.length - (entry.methods[0] === 'batch' ? 1 : 0)), 0)
  lastAssets = assets
  return {
    scenario: name,
    requests: log.length,
    bound: null as number | null,
    'REST calls': subCalls,
    'KiB sent': Math.round(log.reduce((sum, entry) => sum + entry.bytesIn, 0) / 102.4) / 10,
    'KiB received': Math.round(log.reduce((sum, entry) => sum + entry.bytesOut, 0) / 102.4) / 10,
    'ms (indicative)': elapsed,
  }
}

const frame = (page: Page) => page.frameLocator('#app-frame')
/** The planning screen of a team, until its items and its scrum master's name are shown. */
const planningOf = (groupId: number, items: number) => async (page: Page) => {
  await page.goto(`${portal.url}/?placement=SONET_GROUP_DETAIL_TAB&groupId=${groupId}`)
  await frame(page).locator('.items-totals', { hasText: `${items.toLocaleString('en')} items` }).waitFor({ timeout: 60_000 })
  await frame(page).locator('.planning-head__subtitle', { hasText: /^Scrum master: [^…]+$/ }).waitFor({ timeout: 60_000 })
}
/** The planning screen's budget: one batch of small reads, the task pages, the scrum fields, the people. */
const planningBound = (n: number) => 2 + Math.ceil(n / 2500) + Math.ceil(n / 50)

const results = [
  await measure('scrum picker, first screen (2,000 groups)', async (page) => {
    await page.goto(`${portal.url}/`)
    await frame(page).locator('.group-row__name').first().waitFor()
    await frame(page).getByText('Has a backlog').first().waitFor()
  }),
  await measure('scrum picker, first screen + "show more"', async (page) => {
    await page.goto(`${portal.url}/`)
    await frame(page).getByRole('button', { name: /^Show [\d,]+ more/ }).click()
    await frame(page).locator('.group-row__name').nth(99).waitFor()
  }),
  { ...(await measure('planning screen, 120 items', planningOf(LARGE.groups.medium, 120))), bound: planningBound(120) },
  { ...(await measure('planning screen, 1,000 items', planningOf(LARGE.groups.huge, 1000))), bound: planningBound(1000) },
]

console.table(results)

/** First screens in gzip against the floor; the issue's budgets are 1.3× (picker) and 1.6× (planning). */
const pickerAssets = await (async () => {
  await measure('bundle: picker', async (page) => {
    await page.goto(`${portal.url}/`)
    await frame(page).locator('.group-row__name').first().waitFor()
  })
  return lastAssets
})()
const planningAssets = await (async () => {
  await measure('bundle: planning', planningOf(LARGE.groups.medium, 120))
  return lastAssets
})()
const bundles = [
  { screen: 'floor (react, react-dom, react-query, zustand, SDK frame client)', files: floor.files, 'KiB gzip': floorGzip, budget: null as number | null },
  { screen: 'scrum picker, first screen', files: pickerAssets.length, 'KiB gzip': await appFilesSize('dist', pickerAssets), budget: 1.3 },
  { screen: 'planning screen, first screen', files: planningAssets.length, 'KiB gzip': await appFilesSize('dist', planningAssets), budget: 1.6 },
].map((row) => ({ ...row, 'KiB gzip': Math.round(row['KiB gzip'] / 102.4) / 10, ratio: Math.round((row['KiB gzip'] / floorGzip) * 100) / 100 }))
console.table(bundles)
const over = bundles.filter((row) => row.budget !== null && row.ratio > row.budget)
if (over.length > 0) {
  console.error(`Over budget: ${over.map((row) => `${row.screen} ${row.ratio}× > ${row.budget}×`).join('; ')}`)
  process.exitCode = 1
}
await browser.close()
await close()
