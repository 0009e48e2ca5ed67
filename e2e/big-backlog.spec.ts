import { expect, test } from './fixtures'
import type { ItemsPage } from './fixtures/app-page'
import { openTeamTab } from './fixtures/open-team'
import type { PortalShell } from './fixtures/portal-shell'
import { LARGE } from './portal/data/seed-large'

const huge = { placement: 'SONET_GROUP_DETAIL_TAB' as const, groupId: LARGE.groups.huge }

/** The large seed's 1,000-item backlog, opened from its workgroup tab and shown. */
const openHuge = (shell: PortalShell, items: ItemsPage) => openTeamTab(shell, items, LARGE.groups.huge, '1,000 items')
/** `tasks.task.list` and `tasks.api.scrum.task.get` are the reads of the items. */
const readsItems = (methods: string[]) => methods.some((method) => method === 'tasks.task.list' || method === 'tasks.api.scrum.task.get')

test.describe('a big backlog', () => {
  test('a long list is windowed: End reaches its last row, screen readers hear each row’s place, and an edit far down is kept by the portal', async ({
    page,
    shell,
    items,
    control,
  }) => {
    test.setTimeout(90_000)
    await control.reset('large')
    await openHuge(shell, items)
    // The grid knows the whole list; the page holds only the rows near the view.
    await expect(items.list).toHaveAttribute('aria-rowcount', '1000')
    expect(await items.rows.count()).toBeLessThan(40)
    await expect(items.rows.first()).toHaveAttribute('aria-rowindex', '1')

    // The keyboard goes to the real last row, which scrolls into view and takes the focus.
    await items.rows.first().focus()
    await page.keyboard.press('End')
    const last = items.list.locator('[aria-rowindex="1000"]')
    await expect(last).toBeFocused()
    expect(await items.rows.count()).toBeLessThan(40)
    await page.keyboard.press('Home')
    await expect(items.list.locator('[aria-rowindex="1"]')).toBeFocused()
    await page.keyboard.press('End')
    await expect(last).toBeFocused()

    // An edit on the last row: the portal keeps it, and the row shows what it kept.
    const taskId = Number(await last.getAttribute('data-key'))
    const field = last.locator('.points-field__input')
    const before = await field.inputValue()
    const next = before === '8' ? '13' : '8'
    await field.fill(next)
    await field.press('Enter')
    await expect.poll(async () => (await control.scrumTask(taskId)).storyPoints).toBe(next)
    await expect(field).toHaveValue(next)

    // Scrolled back to the top (the focused row stays in the page, off screen, so the focus is kept)
    // and down again, the row shows the kept value.
    await items.list.evaluate((element) => (element.scrollTop = 0))
    await expect(items.list.locator('[aria-rowindex="1"]')).toBeInViewport()
    await expect(items.list.locator('[aria-rowindex="500"]')).toHaveCount(0)
    await items.list.evaluate((element) => (element.scrollTop = element.scrollHeight))
    await expect(items.list.locator(`[data-key="${taskId}"] .points-field__input`)).toHaveValue(next)
  })

  test('a search in a long list shows only what matches, numbered anew, and clearing it brings every row back where it was', async ({
    page,
    shell,
    items,
    control,
  }) => {
    test.setTimeout(90_000)
    await control.reset('large')
    await openHuge(shell, items)
    // What the portal holds: the backlog's items whose title has the word, in backlog order.
    const store = await control.store()
    const backlog = store.entities.find((entity) => entity.groupId === LARGE.groups.huge && entity.entityType === 'backlog')!
    const titles = new Map(store.tasks.map((task) => [task.id, task.title]))
    const inBacklog = store.items.filter((item) => item.entityId === backlog.id).sort((a, b) => a.sort - b.sort || a.taskId - b.taskId)
    const word = 'cache'
    const matching = inBacklog.filter((item) => titles.get(item.taskId)!.toLowerCase().includes(word))
    expect(matching.length).toBeGreaterThan(40)

    await items.search.fill(word)
    await expect(items.list).toHaveAttribute('aria-rowcount', String(matching.length))
    await expect(items.rows.first()).toHaveAttribute('data-key', String(matching[0]!.taskId))
    await expect(items.rows.first()).toHaveAttribute('aria-rowindex', '1')
    for (const title of await items.rows.locator('.item-row__title').allTextContents()) expect(title.toLowerCase()).toContain(word)
    // The keyboard reaches the last match, not the last item of the list.
    await items.rows.first().focus()
    await page.keyboard.press('End')
    await expect(items.list.locator(`[data-key="${matching.at(-1)!.taskId}"]`)).toBeFocused()
    await expect(items.list.locator(`[data-key="${matching.at(-1)!.taskId}"]`)).toHaveAttribute('aria-rowindex', String(matching.length))

    await items.search.fill('')
    await expect(items.list).toHaveAttribute('aria-rowcount', '1000')
    // Back at the top, the list starts with its first item again.
    // Scrolled up as a person does (each attempt moves the list, so the list hears a scroll).
    await expect(async () => {
      await items.list.evaluate((element) => (element.scrollTop = 200))
      await items.list.evaluate((element) => (element.scrollTop = 0))
      await expect(items.list.locator('[aria-rowindex="1"]')).toHaveAttribute('data-key', String(inBacklog[0]!.taskId), { timeout: 1_000 })
    }).toPass()
    await expect(items.list.locator('[aria-rowindex="1"]')).toBeInViewport()
  })

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
    await openHuge(shell, items)
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
