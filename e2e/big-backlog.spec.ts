import { expect, test } from './fixtures'
import { LARGE } from './portal/data/seed-large'

const huge = { placement: 'SONET_GROUP_DETAIL_TAB' as const, groupId: LARGE.groups.huge }
/** `tasks.task.list` and `tasks.api.scrum.task.get` are the reads of the items. */
const readsItems = (methods: string[]) => methods.some((method) => method === 'tasks.task.list' || method === 'tasks.api.scrum.task.get')

test.describe('a big backlog', () => {
  test('shows how far it has loaded, counting up, until the list appears', async ({ page, shell, items, control }) => {
    test.setTimeout(60_000)
    await control.reset('large')
    await control.latency(150)
    // Every text the progress shows, as the page changes it (Playwright asking now and then could
    // miss the steps on a busy machine). Init scripts run in the app's frame too.
    await page.addInitScript(() => {
      const seen: string[] = []
      Object.assign(window, { progressSeen: seen })
      new MutationObserver(() => {
        const text = document.querySelector('.load-progress__text')?.textContent
        if (text && text !== seen.at(-1)) seen.push(text)
      }).observe(document, { subtree: true, childList: true, characterData: true })
    })
    await shell.open(huge)
    const bar = shell.appFrame.getByRole('progressbar', { name: 'Loading the items…' })
    await expect(bar).toBeVisible({ timeout: 30_000 })
    await expect(bar).toHaveAttribute('aria-valuemax', '1000')
    await expect(items.totals).toContainText('1,000 items', { timeout: 30_000 })
    await expect(bar).toBeHidden()

    const texts = await shell.appFrame.locator('body').evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)
    const loaded = texts.map((text) => {
      const match = /^([\d,]+) of 1,000 items$/.exec(text)
      expect(match, `progress text “${text}”`).not.toBeNull()
      return Number(match![1]!.replace(/,/g, ''))
    })
    expect(loaded.some((count) => count >= 1 && count <= 999), `shown: ${texts.join(' | ')}`).toBe(true)
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b))
  })

  test('a revisit after the list went stale asks only what changed: a title changed meanwhile shows, in at most two requests', async ({
    page,
    shell,
    items,
    backlog,
    picker,
    control,
  }) => {
    test.setTimeout(60_000)
    await control.reset('large')
    // The app's clock, so that 30 s (the list's staleTime) can pass without waiting for them.
    await page.clock.install()
    await shell.open(huge)
    await expect(items.totals).toContainText('1,000 items', { timeout: 30_000 })
    const taskId = Number((await items.rows.first().locator('.item-row__id').innerText()).replace('#', ''))

    await backlog.back.click()
    await picker.expectLoaded()
    // Someone renames the task on the portal meanwhile.
    await control.rest('tasks.task.update', { taskId, fields: { TITLE: 'Renamed while you were away' } })
    await page.clock.fastForward('00:31')
    await control.clearRequests()

    await picker.searchFor('Huge Backlog')
    await picker.choose('Huge Backlog (1000 items)')
    await expect(items.row('Renamed while you were away')).toBeVisible({ timeout: 15_000 })
    await expect(items.totals).toContainText('1,000 items')
    // Whatever was still to come has come.
    await page.waitForTimeout(1_000)
    const calls = await control.restCalls()
    const itemReads = calls.filter((call) => readsItems(call.methods))
    // The screen's batch (its first page of tasks comes along) and the revisit's one batch.
    expect(itemReads.length, JSON.stringify(calls.map((call) => call.methods.slice(0, 4)))).toBeLessThanOrEqual(2)
    const revisit = itemReads.find((call) => (call.params.cmd as Record<string, string> | undefined)?.changed)
    expect(revisit?.params.cmd).toMatchObject({ changed: expect.stringContaining('CHANGED_DATE') })
  })
})
