import { ItemsPage } from './fixtures/app-page'
import { PortalShell } from './fixtures/portal-shell'
import { LARGE } from './portal/data/seed-large'
import { SEED } from './portal/data/seed-default'
import { expect, test, type PortalControl } from './fixtures'
import { openTeamTab } from './fixtures/open-team'

/**
 * Edits you can trust: every change goes out once, lands in the order it was made, is reported
 * item by item, and the screen ends up showing what the portal holds. Each test checks the portal
 * itself (its store, as the webhook would), not only the screen.
 */

const mobile = { placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile } as const
const tab = (groupId: number) => ({ placement: 'SONET_GROUP_DETAIL_TAB', groupId }) as const
const serverError = { status: 500, error: 'INTERNAL_SERVER_ERROR', description: 'Internal server error' } as const

async function tasksTitled(control: PortalControl, title: string) {
  return (await control.store()).tasks.filter((task) => task.title === title)
}

async function taskId(control: PortalControl, title: string): Promise<number> {
  const [task] = await tasksTitled(control, title)
  if (!task) throw new Error(`no task "${title}"`)
  return task.id
}

/** The backlog as the portal orders it (sort, then task id), and whether every position is its own. */
async function portalOrder(control: PortalControl, backlogId: number) {
  const store = await control.store()
  const titles = new Map(store.tasks.map((task) => [task.id, task.title]))
  const items = store.items.filter((item) => item.entityId === backlogId).sort((a, b) => a.sort - b.sort || a.taskId - b.taskId)
  return { titles: items.map((item) => titles.get(item.taskId)), distinct: new Set(items.map((item) => item.sort)).size === items.length }
}

test.describe('nothing doubled', () => {
  test('double-clicking Add makes one task, and double-clicking Save one epic', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    await items.typeNewTask('Offline banner', '2')
    await items.addButton.dblclick()
    await expect(items.row('Offline banner')).toHaveCount(1)
    expect(await tasksTitled(control, 'Offline banner')).toHaveLength(1)

    await items.epics.getByRole('button', { name: 'New epic' }).click()
    const dialog = shell.appFrame.getByRole('dialog', { name: 'New epic' })
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Widgets')
    await dialog.getByRole('button', { name: 'Save epic' }).dblclick()
    await expect(items.epics.getByText('Widgets', { exact: true })).toHaveCount(1)
    expect((await control.store()).epics.filter((epic) => epic.name === 'Widgets')).toHaveLength(1)
  })

  test('quick add whose second step fails: the task exists once, the screen says so, and Retry finishes it', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    await control.fault({ method: 'tasks.api.scrum.task.update', ...serverError })
    await items.typeNewTask('Export to PDF', '3')
    await items.addButton.click()
    const notice = items.quickAdd.getByRole('alert').filter({ hasText: '“Export to PDF” was added, but not completely' })
    await expect(notice).toContainText('Its story points (3) could not be saved')
    await expect(items.row('Export to PDF')).toBeVisible()
    const [task] = await tasksTitled(control, 'Export to PDF')
    expect((await control.scrumTask(task!.id)).storyPoints).toBe('')

    // The form is free again: Add asks for a new title instead of making the same task twice.
    await items.addButton.click()
    await expect(items.quickAdd).toContainText('Enter a title for the task.')
    await notice.getByRole('button', { name: 'Retry' }).click()
    await expect(notice).toHaveCount(0)
    await expect(items.points('Export to PDF')).toHaveValue('3')
    expect(await tasksTitled(control, 'Export to PDF')).toHaveLength(1)
    expect((await control.scrumTask(task!.id)).storyPoints).toBe('3')
  })

  test('quick add whose create fails: the title stays with Retry, the next one waits behind it, and Retry adds both in order', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    await control.fault({ method: 'tasks.task.add', ...serverError })
    await items.typeNewTask('Dark splash screen')
    await items.addButton.click()
    const failed = items.quickAdd.getByRole('alert').filter({ hasText: '“Dark splash screen” was not added' })
    await expect(failed).toBeVisible()
    await items.typeNewTask('Light splash screen')
    await items.addButton.click()
    await expect(items.quickAdd.getByRole('listitem').filter({ hasText: 'Light splash screen' })).toContainText('Waits for the one before')
    expect(await tasksTitled(control, 'Dark splash screen')).toHaveLength(0)
    expect(await tasksTitled(control, 'Light splash screen')).toHaveLength(0)

    await failed.getByRole('button', { name: 'Retry' }).click()
    await expect(items.row('Light splash screen')).toHaveCount(1)
    await expect(items.row('Dark splash screen')).toHaveCount(1)
    const [dark] = await tasksTitled(control, 'Dark splash screen')
    const [light] = await tasksTitled(control, 'Light splash screen')
    expect(light!.id).toBeGreaterThan(dark!.id)
    expect(await tasksTitled(control, 'Dark splash screen')).toHaveLength(1)
  })

  test('a create whose answer is lost after the write is found on the portal, not made again', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    await control.fault({ method: 'tasks.task.add', after: true, abort: true })
    await items.typeNewTask('Offline sync log')
    await items.addButton.click()
    await expect(items.toast('“Offline sync log” added to the backlog.')).toBeVisible()
    await expect(items.row('Offline sync log')).toHaveCount(1)
    expect(await tasksTitled(control, 'Offline sync log')).toHaveLength(1)

    // The answer is lost and the look-up fails too: nothing is offered but a check.
    await control.fault({ method: 'tasks.task.add', after: true, abort: true })
    await control.fault({ method: 'tasks.task.list', ...serverError })
    await items.typeNewTask('Rate-the-app prompt')
    await items.addButton.click()
    const unknown = items.quickAdd.getByRole('alert').filter({ hasText: 'It is not known yet whether “Rate-the-app prompt” was added' })
    await expect(unknown).toBeVisible()
    // A title given meanwhile waits behind it (the order is kept), and nothing is sent again.
    await items.typeNewTask('Widget refresh')
    await items.addButton.click()
    await expect(items.quickAdd.getByRole('listitem').filter({ hasText: 'Widget refresh' })).toContainText('Waits for the one before')
    expect(await tasksTitled(control, 'Widget refresh')).toHaveLength(0)
    await unknown.getByRole('button', { name: 'Check again' }).click()
    await expect(items.row('Rate-the-app prompt')).toHaveCount(1)
    await expect(items.row('Widget refresh')).toHaveCount(1)
    expect(await tasksTitled(control, 'Rate-the-app prompt')).toHaveLength(1)
    const [prompt] = await tasksTitled(control, 'Rate-the-app prompt')
    const [widget] = await tasksTitled(control, 'Widget refresh')
    expect(widget!.id).toBeGreaterThan(prompt!.id)

    // The same for an epic.
    await control.fault({ method: 'tasks.api.scrum.epic.add', after: true, abort: true })
    await items.epics.getByRole('button', { name: 'New epic' }).click()
    const dialog = shell.appFrame.getByRole('dialog', { name: 'New epic' })
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Telemetry')
    await dialog.getByRole('button', { name: 'Save epic' }).click()
    await expect(items.toast('Epic “Telemetry” saved.')).toBeVisible()
    await expect(items.epics.getByText('Telemetry', { exact: true })).toHaveCount(1)
    expect((await control.store()).epics.filter((epic) => epic.name === 'Telemetry')).toHaveLength(1)
  })
})

test.describe('the screen shows what the portal kept', () => {
  test('a bulk change of 120 items whose second batch fails: screen and portal agree item by item; Retry sends only the failed', async ({
    shell,
    items,
    control,
  }) => {
    test.setTimeout(90_000)
    await control.reset('large')
    await openTeamTab(shell, items, LARGE.groups.medium, '120 items')
    await items.rows.first().locator('.item-row__check').click()
    await items.bulkBar.getByRole('button', { name: 'Select all 120 shown' }).click()
    const portalPoints = async () => {
      const store = await control.store()
      const ids = new Set(store.tasks.filter((task) => task.groupId === LARGE.groups.medium).map((task) => task.id))
      return new Map(store.items.filter((item) => ids.has(item.taskId)).map((item) => [item.taskId, item.storyPoints]))
    }
    // Items of the second batch (the list's order: position, then task id) that already had 8 points keep them.
    const inTeam = await portalPoints()
    const shownOrder = (await control.store()).items
      .filter((item) => inTeam.has(item.taskId))
      .sort((a, b) => a.sort - b.sort || a.taskId - b.taskId)
    const alreadyEight = shownOrder.slice(50, 100).filter((item) => item.storyPoints === '8').length
    const failed = 50 - alreadyEight
    await control.fault({ method: 'batch', nth: 2, ...serverError })
    await items.bulkBar.getByRole('textbox', { name: 'Set story points' }).fill('8')
    await items.bulkBar.getByRole('button', { name: 'Apply' }).nth(1).click()
    await items.confirmBulk(120)
    await expect(items.report).toContainText(`${120 - failed} of 120 items saved`)
    await expect(items.report).toContainText(`Not saved (${failed}): The portal had an internal problem. Try again later.`)

    const before = await portalPoints()
    expect([...before.values()].filter((points) => points !== '8')).toHaveLength(failed)
    expect(Object.fromEntries(await items.pointsByTask())).toEqual(Object.fromEntries(before))

    await control.clearRequests()
    await items.report.getByRole('button', { name: `Retry the ${failed} that failed` }).click()
    await expect(items.toast(`${failed} items updated.`)).toBeVisible({ timeout: 20_000 })
    const updates = (await control.restCalls()).filter((call) => call.methods.includes('tasks.api.scrum.task.update'))
    expect(updates.map((call) => call.methods.filter((method) => method === 'tasks.api.scrum.task.update').length)).toEqual([failed])
    const after = await portalPoints()
    expect([...after.values()].every((points) => points === '8')).toBe(true)
    expect(Object.fromEntries(await items.pointsByTask())).toEqual(Object.fromEntries(after))

    // The second batch is saved but its answer is lost: the portal is asked, and all 120 count as saved.
    await items.bulkBar.getByRole('button', { name: 'Select all 120 shown' }).click()
    await control.fault({ method: 'batch', nth: 2, after: true, ...serverError })
    await items.bulkBar.getByRole('textbox', { name: 'Set story points' }).fill('5')
    await items.bulkBar.getByRole('button', { name: 'Apply' }).nth(1).click()
    await items.confirmBulk(120)
    await expect(items.toast('120 items updated.')).toBeVisible({ timeout: 20_000 })
    await expect(items.report).toHaveCount(0)
    expect([...(await portalPoints()).values()].every((points) => points === '5')).toBe(true)
    await expect(items.totals).toContainText('600 story points')
  })

  test('two quick edits of one item, the first failing late: the newer one is on screen and on the portal', async ({ shell, items, control }) => {
    await shell.open(mobile)
    const id = await taskId(control, 'Dark theme')
    await control.fault({ method: 'tasks.api.scrum.task.update', delay: 1500, match: { fields: { storyPoints: '5' } }, ...serverError })
    await items.points('Dark theme').fill('5')
    await items.points('Dark theme').press('Enter')
    // The first edit has reached the portal (which holds it back, then fails it) before the second is made.
    await expect.poll(async () => (await control.faults()).length).toBe(0)
    await items.points('Dark theme').fill('8')
    await items.points('Dark theme').press('Enter')
    await expect.poll(async () => (await control.scrumTask(id)).storyPoints, { timeout: 15_000 }).toBe('8')
    // Both edits have been answered: the first with the failure, the second with success.
    const updates = async () => (await control.restCalls()).filter((call) => call.methods.includes('tasks.api.scrum.task.update'))
    await expect.poll(async () => (await updates()).map((call) => call.status)).toEqual([500, 200])
    await expect(items.points('Dark theme')).toHaveValue('8')
    // The first one failed, but offering to retry it would undo the newer choice.
    await expect(items.report).toHaveCount(0)
    expect((await control.scrumTask(id)).storyPoints).toBe('8')
  })

  test('two quick reorders, and a reorder from a second page on the same backlog: screen and portal agree, every position distinct', async ({
    page,
    context,
    portalServer,
    shell,
    items,
    control,
  }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    const start = await items.titles()
    await control.latency(400)
    await items.row('Dark theme').focus()
    await page.keyboard.press('Alt+ArrowUp')
    await page.keyboard.press('Alt+ArrowUp')
    await expect.poll(() => items.titles()).toEqual([...start.slice(0, 3), 'Dark theme', ...start.slice(3, 5), ...start.slice(6)])
    await expect.poll(async () => (await portalOrder(control, SEED.backlogs.mobile)).titles, { timeout: 15_000 }).toEqual(await items.titles())
    expect((await portalOrder(control, SEED.backlogs.mobile)).distinct).toBe(true)
    await control.latency(0)

    const second = new PortalShell(await context.newPage(), portalServer.url)
    await second.open(mobile)
    const secondItems = new ItemsPage(second.appFrame)
    await expect(secondItems.rows).toHaveCount(10)
    // The first page moves an item; the second still shows the order it loaded.
    await items.menuAction('Dark theme', 'Move to the top')
    await expect.poll(async () => (await portalOrder(control, SEED.backlogs.mobile)).titles[0]).toBe('Dark theme')
    await secondItems.menuAction('Apple Pay support', 'Move to the bottom')
    await expect(secondItems.toast(/The backlog had changed elsewhere/)).toBeVisible()
    const final = await portalOrder(control, SEED.backlogs.mobile)
    expect(final.titles[0]).toBe('Dark theme')
    expect(final.titles.at(-1)).toBe('Apple Pay support')
    expect(final.distinct).toBe(true)
    await expect.poll(() => secondItems.titles()).toEqual(final.titles)
  })

  test('epic delete: a failed delete changes nothing; a detach that fails part-way leaves a one-click repair', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    const marked = async () => (await control.store()).items.filter((item) => item.epicId === SEED.epics.payments).length

    await control.fault({ method: 'tasks.api.scrum.epic.delete', ...serverError })
    await items.epics.getByRole('button', { name: 'Delete epic “Payments”' }).click()
    const confirm = shell.appFrame.getByRole('alertdialog', { name: 'Delete epic “Payments”?' })
    await confirm.getByRole('button', { name: 'Delete' }).click()
    await expect(confirm.getByRole('alert')).toContainText('The epic was not deleted')
    expect((await control.store()).epics.some((epic) => epic.id === SEED.epics.payments)).toBe(true)
    expect(await marked()).toBe(5)

    await control.fault({ method: 'tasks.api.scrum.task.update', count: 2, description: 'Unable to update task' })
    await confirm.getByRole('button', { name: 'Delete' }).click()
    await expect(items.toast('Epic “Payments” deleted.')).toBeVisible()
    expect((await control.store()).epics.some((epic) => epic.id === SEED.epics.payments)).toBe(false)
    expect(await marked()).toBe(2)
    await expect(items.report).toContainText('3 of 5 items saved')
    const repair = items.epics.getByRole('status').filter({ hasText: '2 items point to an epic that no longer exists' })
    await expect(repair).toBeVisible()
    await repair.getByRole('button', { name: 'Unmark 2 items' }).click()
    await expect(repair).toHaveCount(0)
    expect(await marked()).toBe(0)
  })

  test('an item or an epic deleted elsewhere leaves the screen with a note', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    await control.rest('tasks.task.delete', { taskId: await taskId(control, 'Dark theme') })
    await items.points('Dark theme').fill('5')
    await items.points('Dark theme').press('Enter')
    await expect(items.report).toContainText('1 item is no longer on the portal')
    await expect(items.report).toContainText('“Dark theme”')
    await expect(items.row('Dark theme')).toHaveCount(0)

    await control.rest('tasks.api.scrum.epic.delete', { id: SEED.epics.offline })
    await items.epics.getByRole('button', { name: 'Edit epic “Offline mode”' }).click()
    const dialog = shell.appFrame.getByRole('dialog', { name: 'Edit epic' })
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Offline first')
    await dialog.getByRole('button', { name: 'Save epic' }).click()
    await expect(items.toast('The epic “Offline mode” had been deleted elsewhere; it is no longer listed.')).toBeVisible()
    await expect(items.epics.getByText('Offline mode', { exact: true })).toHaveCount(0)
  })
})

test.describe('nothing offered that cannot be right', () => {
  test('a workgroup tab in a plain group, a project or a missing group offers no backlog; a stray backlog is flagged and repaired', async ({
    shell,
    backlog,
    control,
  }) => {
    const cases: [number, string][] = [
      [SEED.groups.plain, '“Sales Team” is a workgroup, not a scrum team'],
      [SEED.groups.project, '“Office Move 2026” is a project, not a scrum team'],
      [99_999, 'Workgroup #99999 does not exist, or you cannot see it'],
    ]
    for (const [groupId, heading] of cases) {
      await shell.open(tab(groupId))
      await expect(shell.appFrame.getByRole('heading', { name: heading })).toBeVisible()
      await expect(backlog.createButton).toHaveCount(0)
      await expect(backlog.noBacklog).toHaveCount(0)
    }
    expect((await control.restCalls()).flatMap((call) => call.methods)).not.toContain('tasks.api.scrum.backlog.add')

    await shell.open(tab(SEED.groups.mistakenBacklog))
    const stray = shell.appFrame.getByRole('status').filter({ hasText: '“Marketing” is not a scrum team, but it has a backlog' })
    await expect(stray).toContainText('It is empty and can be deleted.')
    await stray.getByRole('button', { name: 'Delete this backlog' }).click()
    await backlog.deleteDialog.getByRole('button', { name: 'Delete' }).click()
    await expect(backlog.toast('The backlog of “Marketing” was deleted.')).toBeVisible()
    await expect(control.rest('tasks.api.scrum.backlog.get', { id: SEED.groups.mistakenBacklog })).rejects.toThrow('Backlog not found')
  })

  test('epics or sprints that fail to load say so, with Retry; nothing is shown as deleted', async ({ shell, items, control }) => {
    await control.fault({ method: 'tasks.api.scrum.epic.list', count: -1, ...serverError })
    await control.fault({ method: 'tasks.api.scrum.sprint.list', count: -1, ...serverError })
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    const epicsError = items.epics.getByRole('alert').filter({ hasText: 'The epics could not be loaded' })
    await expect(epicsError).toBeVisible()
    await expect(shell.appFrame.getByText(/Deleted epic/)).toHaveCount(0)
    await expect(items.epicButton('Apple Pay support')).toBeDisabled()
    const sprintsError = shell.appFrame.getByRole('alert').filter({ hasText: 'The sprints could not be loaded' })
    await expect(sprintsError).toBeVisible()

    await control.clearFaults()
    await epicsError.getByRole('button', { name: 'Retry' }).click()
    await expect(items.epics).toContainText('Payments')
    await expect(items.epicButton('Apple Pay support')).toContainText('Payments')
    await sprintsError.getByRole('button', { name: 'Retry' }).click()
    await expect(sprintsError).toHaveCount(0)
    await expect(items.sprintList('Sprint 3').getByRole('row', { name: 'Google Pay support' })).toBeVisible()
  })

  test('a regular member opening the app in install mode is told an administrator must install it', async ({ shell, control }) => {
    await shell.open({ user: SEED.users.regular, install: true })
    await expect(shell.appFrame.getByText('Only a portal administrator can finish installing Scrum Backlog.')).toBeVisible()
    await expect(shell.appFrame.getByRole('button', { name: 'Finish installation' })).toHaveCount(0)
    expect((await control.restCalls()).flatMap((call) => call.methods)).not.toContain('placement.bind')
  })

  test('input over the portal’s limits is refused at the field, and nothing is sent', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    await control.clearRequests()
    await items.typeNewTask('x'.repeat(300))
    await items.addButton.click()
    await expect(items.quickAdd).toContainText('The title has 300 characters; the portal takes at most 255.')
    await items.points('Dark theme').fill('-3')
    await items.points('Dark theme').press('Enter')
    await expect(shell.appFrame.getByRole('alert').filter({ hasText: 'Enter a number from 0 to 999' })).toBeVisible()
    await expect(items.points('Dark theme')).toHaveValue('-3')
    await items.points('Dark theme').press('Escape')
    await expect(items.points('Dark theme')).toHaveValue('13')
    await items.epics.getByRole('button', { name: 'New epic' }).click()
    const dialog = shell.appFrame.getByRole('dialog', { name: 'New epic' })
    await dialog.getByRole('textbox', { name: 'Name' }).fill('e'.repeat(256))
    await dialog.getByRole('button', { name: 'Save epic' }).click()
    await expect(dialog).toContainText('The name has 256 characters; the portal takes at most 255.')
    expect(await control.restCalls()).toHaveLength(0)
  })

  test('when the portal can no longer renew the session, the screen says to reload, and later actions fail at once', async ({
    shell,
    items,
    control,
  }) => {
    test.setTimeout(60_000)
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    await control.refreshFails(true)
    await control.expireTokens()
    await items.points('Dark theme').fill('5')
    await items.points('Dark theme').press('Enter')
    await expect(shell.appFrame.getByRole('heading', { name: 'Your session with the portal has ended' })).toBeVisible({ timeout: 20_000 })
    await expect(items.report).toContainText('Your session with the portal has ended. Reload the page to continue.')
    await expect(items.points('Dark theme')).toHaveValue('13')
    await control.clearRequests()
    await items.points('Apple Pay support').fill('5')
    await items.points('Apple Pay support').press('Enter')
    await expect(items.report).toContainText('The change to “Apple Pay support” was not saved')
    expect(await control.restCalls()).toHaveLength(0)
  })
})
