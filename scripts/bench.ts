// `npm run bench`: what the app costs the portal and the browser, next to floors measured in the
// same run. Counts and bytes come from the dev portal's request log; times are indicative (this is
// a shared 2-core machine) and are compared with floors, never asserted in tests.
import { chromium, type Browser, type Page } from '@playwright/test'
import { PortalControl, type LoggedRequest } from '../e2e/fixtures/portal-control'
import { LARGE } from '../e2e/portal/data/seed-large'
import { appFilesSize, measureFloor } from './bench/bundle'
import { appFrame, percentile, recordLongTasks, scrollFrames, settle, throttleCpu } from './bench/main-thread'
import { startPortalWithApp } from './serve/with-portal'

const { portal, app, close } = await startPortalWithApp({ seed: 'large' })
const control = new PortalControl(portal.url)
const floor = await measureFloor()
const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})

/** A realistic round trip to a cloud portal, so that waiting one batch after another shows. */
const LATENCY_MS = 150
/** The leaky bucket of every plan below Enterprise. */
const BUCKET = { burst: 50, drainPerSecond: 2 }
/** The bucket's least time for R requests: the first 50 go at once, the rest at its drain rate. */
const bucketSeconds = (requests: number) => Math.max(0, requests - BUCKET.burst) / BUCKET.drainPerSecond
/** The planning screen's request budget for N items (issue 10). */
const planningBound = (n: number) => 2 + Math.ceil(n / 2500) + Math.ceil(n / 50)

interface Row {
  scenario: string
  requests: number | null
  'REST calls': number | null
  'KiB in': number | null
  ms: number | null
  measure: string
  value: number
  floor: number
  ratio: number
  goal: string
  ok: boolean
}
const rows: Row[] = []
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits

function add(row: Omit<Row, 'ratio' | 'ok'>, ok: (value: number, ratio: number) => boolean) {
  const ratio = row.floor > 0 ? round(row.value / row.floor, 2) : row.value === 0 ? 1 : Infinity
  rows.push({ ...row, value: round(row.value), floor: round(row.floor), ratio, ok: ok(row.value, ratio) })
  console.log(`${ok(row.value, ratio) ? '✓' : '✗'} ${row.scenario}: ${row.measure} ${round(row.value)} (floor ${round(row.floor)}, ${row.goal})`)
}

async function requestLog(): Promise<LoggedRequest[]> {
  return (await control.requests()).filter((entry) => entry.httpMethod !== 'OPTIONS' && !entry.path.includes('/devportaladminhook/'))
}
function summarise(log: LoggedRequest[]) {
  return {
    requests: log.length,
    'REST calls': log.reduce((sum, entry) => sum + Math.max(1, entry.methods.length - (entry.methods[0] === 'batch' ? 1 : 0)), 0),
    'KiB in': round(log.reduce((sum, entry) => sum + entry.bytesOut, 0) / 1024),
  }
}

/** Wait until the portal has had no request for a moment (a search typed, a late read). */
async function quiet() {
  let seen = -1
  for (let still = 0; still < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, 400))
    const now = (await requestLog()).length
    still = now === seen ? still + 1 : 0
    seen = now
  }
}

async function fresh(options: { rateLimit?: boolean } = {}) {
  await control.reset('large')
  await control.latency(LATENCY_MS)
  await control.rateLimit(options.rateLimit ?? false)
  await control.clearRequests()
}

const frameOf = (page: Page) => page.frameLocator('#app-frame')
const tab = (groupId: number) => `${portal.url}/?placement=SONET_GROUP_DETAIL_TAB&groupId=${groupId}`
/** The planning screen is shown: its items counted and its scrum master named. */
async function planningShown(page: Page, items: number) {
  await frameOf(page).locator('.items-totals', { hasText: `${items.toLocaleString('en')} items` }).waitFor({ timeout: 180_000 })
  await frameOf(page).locator('.planning-head__subtitle', { hasText: /^Scrum master: [^…]+$/ }).waitFor({ timeout: 60_000 })
}

/**
 * The JS and CSS of the app that had arrived when the screen first showed `text` in `selector`.
 * The moment is taken inside the app's frame, by a mutation observer installed before the app
 * loads, and compared with the frame's resource timings: a wait from the test side polls, and
 * would count files that arrived while it was between two looks.
 */
async function watchFirstScreen(page: Page, selector: string, text: string): Promise<() => Promise<string[]>> {
  await page.addInitScript(
    ({ selector, text, origin }) => {
      if (location.origin !== origin) return
      // The files whose responses had ended by then (not timestamps: the bench fakes the app's clock).
      const target = window as unknown as { benchShown?: string[] }
      const look = () => {
        if (target.benchShown === undefined && document.querySelector(selector)?.textContent?.includes(text)) {
          target.benchShown = performance.getEntriesByType('resource').map((entry) => entry.name)
          observer.disconnect()
        }
      }
      const observer = new MutationObserver(look)
      observer.observe(document, { subtree: true, childList: true, characterData: true })
    },
    { selector, text, origin: new URL(app.url).origin },
  )
  return async () => {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(new URL(app.url).origin))
    if (!frame) throw new Error('the app frame is gone')
    const shown = await frame.evaluate(() => (window as unknown as { benchShown?: string[] }).benchShown)
    if (!shown) throw new Error('the first screen was never seen')
    return shown.filter((name) => /\.(js|css)$/.test(new URL(name).pathname)).map((name) => new URL(name).pathname.replace(/^.*?\/assets\//, 'assets/'))
  }
}

// ---- The team picker ----
{
  await fresh()
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const assets = await watchFirstScreen(page, '#root', 'Has a backlog')
  const started = Date.now()
  await page.goto(`${portal.url}/`)
  await frameOf(page).locator('.group-row__name').first().waitFor()
  await frameOf(page).getByText('Has a backlog').first().waitFor()
  const shown = await assets()
  const cost = summarise(await requestLog())
  add({ scenario: 'picker, first screen (2,000 groups)', ...cost, ms: Date.now() - started, measure: 'requests', value: cost.requests, floor: 3, goal: '≤ 3' }, (v) => v <= 3)
  const gzip = await appFilesSize('dist', shown)
  add(
    { scenario: 'picker, first screen bundle', requests: null, 'REST calls': null, 'KiB in': null, ms: null, measure: 'KiB gzip', value: gzip / 1024, floor: floor.gzip / 1024, goal: '≤ 1.3× floor' },
    (_, ratio) => ratio <= 1.3,
  )
  await page.close()
}

// ---- The planning screen: cold, then a revisit after the list went stale ----
async function planning(label: string, groupId: number, name: string, items: number) {
  await fresh()
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const assets = await watchFirstScreen(page, '.items-totals', `${items.toLocaleString('en')} items`)
  // The app's clock, so that the 30 s after which the list is stale can pass at once.
  await page.clock.install()
  const started = Date.now()
  await page.goto(tab(groupId))
  await frameOf(page).locator('.items-totals', { hasText: `${items.toLocaleString('en')} items` }).waitFor({ timeout: 180_000 })
  const firstScreen = await assets()
  await planningShown(page, items)
  const cold = summarise(await requestLog())
  const coldMs = Date.now() - started
  const bound = planningBound(items)
  add({ scenario: `planning ${label}, cold`, ...cold, ms: coldMs, measure: 'requests', value: cold.requests, floor: bound, goal: `≤ ${bound}` }, (v) => v <= bound)
  await revisit(page, label, name, items)
  return { page, firstScreen }
}

/** Leave for the picker, let the list go stale (the app's clock), come back: what that costs. */
async function revisit(page: Page, label: string, name: string, items: number) {
  await frameOf(page).getByRole('button', { name: /All scrum teams/ }).click()
  await frameOf(page).locator('.group-row__name').first().waitFor()
  await page.clock.fastForward('00:31')
  await frameOf(page).getByRole('searchbox').fill(name)
  const row = frameOf(page).locator('.group-row__name', { hasText: name })
  await row.waitFor()
  await quiet()
  await control.clearRequests()
  const started = Date.now()
  await row.click()
  await planningShown(page, items)
  // The revisit is sent in the background: wait until the portal has been quiet for a moment.
  await quiet()
  const cost = summarise(await requestLog())
  add({ scenario: `planning ${label}, revisit`, ...cost, ms: Date.now() - started, measure: 'requests', value: cost.requests, floor: 2, goal: '≤ 2' }, (v) => v <= 2)
}

{
  const { page, firstScreen } = await planning('120 items', LARGE.groups.medium, 'Medium Backlog (120 items)', 120)
  const gzip = await appFilesSize('dist', firstScreen)
  add(
    { scenario: 'planning, first screen bundle (120 items)', requests: null, 'REST calls': null, 'KiB in': null, ms: null, measure: 'KiB gzip', value: gzip / 1024, floor: floor.gzip / 1024, goal: '≤ 1.6× floor' },
    (_, ratio) => ratio <= 1.6,
  )
  await page.close()
}
await (await planning('1,000 items', LARGE.groups.huge, 'Huge Backlog (1000 items)', 1000)).page.close()
/** A team with a backlog of `items`, added to the freshly reset portal (the same ids every time). */
async function bigTeam(items: number) {
  const big = await control.bigBacklog(items)
  return big.groupId
}
{
  await fresh({ rateLimit: true })
  const groupId = await bigTeam(5000)
  const name = `Backlog of ${(5000).toLocaleString('en')} items`
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.clock.install()
  await control.clearRequests()
  const started = Date.now()
  await page.goto(tab(groupId))
  await planningShown(page, 5000)
  const coldMs = Date.now() - started
  const cold = summarise(await requestLog())
  const bound = planningBound(5000)
  add({ scenario: 'planning 5,000 items, cold', ...cold, ms: coldMs, measure: 'requests', value: cold.requests, floor: bound, goal: `≤ ${bound}` }, (v) => v <= bound)
  const log = await requestLog()
  const refused = log.filter((entry) => entry.status === 503).length
  const least = bucketSeconds(cold.requests) * 1000
  // The load: from the first request sent to the last one answered (the screen's own start-up and
  // drawing are in the ms column).
  const span = Math.max(...log.map((entry) => entry.at)) - Math.min(...log.map((entry) => entry.at - entry.durationMs))
  add(
    { scenario: 'planning 5,000 items, cold, limiter on', ...cold, ms: coldMs, measure: 'load ms vs bucket', value: span, floor: least, goal: `≤ 1.1× bucket, ${refused} refused` },
    (_, ratio) => ratio <= 1.1 && refused === 0,
  )
  await revisit(page, '5,000 items', name, 5000)
  await page.close()
}

// ---- Three tabs of one browser opening the 1,000-item backlog at once, limiter on ----
{
  await fresh({ rateLimit: true })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  // The app's files in the cache first, as for anyone who has opened the app before.
  const warm = await context.newPage()
  await warm.goto(`${portal.url}/`)
  await frameOf(warm).locator('.group-row__name').first().waitFor()
  await warm.close()
  await new Promise((resolve) => setTimeout(resolve, 26_000)) // the warm-up's requests drain from the bucket
  await control.clearRequests()
  const pages = await Promise.all([0, 1, 2].map(() => context.newPage()))
  const started = Date.now()
  await Promise.all(pages.map((page) => page.goto(tab(LARGE.groups.huge))))
  await Promise.all(pages.map((page) => planningShown(page, 1000)))
  const ms = Date.now() - started
  const log = await requestLog()
  const refused = log.filter((entry) => entry.status === 503).length
  const span = Math.max(...log.map((entry) => entry.at)) - Math.min(...log.map((entry) => entry.at - entry.durationMs))
  const errors = (await Promise.all(pages.map((page) => frameOf(page).getByRole('alert').count()))).reduce((a, b) => a + b, 0)
  const cost = summarise(log)
  add(
    { scenario: '3 tabs × 1,000 items, limiter on', ...cost, ms, measure: 'load ms vs bucket', value: span, floor: bucketSeconds(cost.requests) * 1000, goal: `0 refused (${refused}), 0 errors (${errors})` },
    () => refused === 0 && errors === 0,
  )
  await context.close()
}

// ---- Rows: a fast scroll, an inline edit at 4× CPU slowdown, typing in the search ----
async function interactions(label: string, items: number, groupId: () => Promise<number>) {
  await fresh()
  const id = await groupId()
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(tab(id))
  await planningShown(page, items)
  const frame = appFrame(page, app.url)
  // Drag and drop and the dialogs arrive a little after the screen: let them.
  await new Promise((resolve) => setTimeout(resolve, 3000))
  await settle(frame)

  // The floor: this browser's frames on the same page while nothing moves (a headless browser
  // without a GPU may not draw at 60 per second).
  const idle = percentile(await scrollFrames(frame, 0, 60), 50)
  const durations = await scrollFrames(frame, 260, 120)
  add(
    { scenario: `fast scroll, ${label} (260 px per frame)`, requests: null, 'REST calls': null, 'KiB in': null, ms: round(durations.reduce((a, b) => a + b, 0), 0), measure: 'p50 frame ms', value: percentile(durations, 50), floor: Math.max(idle, 1000 / 60), goal: '≤ 20 ms' },
    (v) => v <= 20,
  )
  await frame.evaluate(() => document.querySelectorAll<HTMLElement>('.items-list').forEach((list) => (list.scrollTop = 0)))
  await settle(frame)

  await throttleCpu(page, 4)
  const input = frame.locator('.container--backlog .points-field__input').first()
  const before = await input.inputValue()
  await control.clearRequests()
  const tasks = await recordLongTasks(frame)
  const started = Date.now()
  await input.fill(before === '5' ? '3' : '5')
  await input.press('Enter')
  for (let i = 0; i < 100 && !(await requestLog()).some((entry) => entry.methods.includes('tasks.api.scrum.task.update')); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await settle(frame)
  const edit = await tasks.read()
  const editCost = summarise(await requestLog())
  add(
    {
      scenario: `inline edit, ${label}, 4× CPU`,
      ...editCost,
      ms: Date.now() - started,
      measure: 'longest task ms',
      value: Math.max(0, ...edit),
      floor: 50,
      goal: `≤ 1 long task (${edit.length}), ≤ 50 ms`,
    },
    (v) => edit.length <= 1 && v <= 50,
  )
  await throttleCpu(page, 1)

  const search = frame.locator('.filter-search input')
  const typing = await recordLongTasks(frame)
  const typed = Date.now()
  await search.pressSequentially('Refactor the cache', { delay: 40 })
  await settle(frame)
  const blocks = await typing.read()
  add(
    {
      scenario: `search, ${label} (typing 18 keys)`,
      requests: null,
      'REST calls': null,
      'KiB in': null,
      ms: Date.now() - typed,
      measure: 'longest task ms',
      value: Math.max(0, ...blocks),
      floor: 50,
      goal: '≤ 50 ms',
    },
    (v) => v <= 50,
  )
  await page.close()
}
await interactions('1,000 items', 1000, async () => LARGE.groups.huge)
await interactions('5,000 items', 5000, async () => bigTeam(5000))

console.table(rows)
const failed = rows.filter((row) => !row.ok)
if (failed.length > 0) {
  console.error(`Not met: ${failed.map((row) => row.scenario).join('; ')}`)
  process.exitCode = 1
}
await browser.close()
await close()
