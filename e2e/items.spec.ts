import { VIRTUAL_FROM } from '../src/features/items/components/virtual-from'
import { LARGE } from './portal/data/seed-large'
import { SEED } from './portal/data/seed-default'
import { expect, test, type PortalControl } from './fixtures'
import { openTeamTab } from './fixtures/open-team'

async function taskId(control: PortalControl, title: string): Promise<number> {
  const answer = await control.rest<{ tasks: { id: string; title: string }[] }>('tasks.task.list', {
    filter: { TITLE: title },
    select: ['ID', 'TITLE'],
  })
  const task = answer.tasks.find((candidate) => candidate.title === title)
  if (!task) throw new Error(`no task "${title}"`)
  return Number(task.id)
}

const mobile = { placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile } as const

test.describe('manage what is in the backlog', () => {
  test('quick add on a slow portal: three titles in a row are each created once, in order, and the last is in view', async ({ shell, items, control }) => {
    test.setTimeout(90_000)
    await control.reset('large')
    await openTeamTab(shell, items, LARGE.groups.huge, '1,000 items')
    await control.latency(2_000)
    const titles = ['Queue one: sign-in audit', 'Queue two: push settings', 'Queue three: crash digest']
    const title = items.quickAdd.getByRole('textbox', { name: 'New task' })
    // Typed and sent one after another without waiting: the form is free at once each time.
    for (const name of titles) {
      await title.fill(name)
      await title.press('Enter')
      await expect(title).toHaveValue('')
    }
    const queue = items.quickAdd.getByRole('list', { name: 'Tasks being added' })
    // Each request takes 2 s: the last title waits its turn under the form while the head is being added.
    await expect(queue.getByRole('listitem').filter({ hasText: titles[2]! })).toContainText('Waits for the one before')
    await expect(queue.getByRole('listitem').first()).toContainText('Adding…')

    await expect(queue).toHaveCount(0, { timeout: 45_000 })
    await expect(items.totals).toContainText('1,003 items')
    const last = items.row(titles[2]!)
    await expect(last).toBeInViewport()
    await expect(last.locator('.item-row__fresh')).toHaveCount(1)
    await control.latency(0)

    // On the portal: each once, created in the order given, at the end of the backlog in that order.
    const store = await control.store()
    const created = store.tasks.filter((task) => titles.includes(task.title)).sort((a, b) => a.id - b.id)
    expect(created.map((task) => task.title)).toEqual(titles)
    const sorts = created.map((task) => store.items.find((item) => item.taskId === task.id)!.sort)
    expect([...sorts].sort((a, b) => a - b)).toEqual(sorts)
  })

  test('quick add: a task with points and epic lands in the backlog', async ({ page, shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)

    // No title: said at the field, nothing sent.
    await control.clearRequests()
    await items.quickAdd.getByRole('button', { name: 'Add' }).click()
    await expect(items.quickAdd).toContainText('Enter a title for the task.')
    expect(await control.restCalls()).toHaveLength(0)

    await items.quickAdd.getByRole('textbox', { name: 'New task' }).fill('Write the release notes')
    await items.quickAdd.getByRole('textbox', { name: 'Story points' }).fill('3')
    await items.quickAdd.getByRole('button', { name: /Epic/ }).click()
    await shell.appFrame.getByRole('option', { name: 'Payments', exact: true }).click()
    await items.quickAdd.getByRole('button', { name: 'Add' }).click()
    await expect(items.toast('“Write the release notes” added to the backlog.')).toBeVisible()
    await expect(items.row('Write the release notes')).toBeVisible()
    await expect(items.points('Write the release notes')).toHaveValue('3')

    const id = await taskId(control, 'Write the release notes')
    expect(await control.scrumTask(id)).toMatchObject({ entityId: SEED.backlogs.mobile, storyPoints: '3', epicId: SEED.epics.payments })
    await page.reload()
    await expect(items.row('Write the release notes')).toBeVisible()
  })

  test('edit story points inline: stored as a string', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await items.points('Dark theme').fill('21')
    await items.points('Dark theme').press('Enter')
    await expect.poll(async () => (await control.scrumTask(await taskId(control, 'Dark theme'))).storyPoints).toBe('21')
    await expect(items.totals).toContainText('40.5 story points')

    // On a team with free numbers (no scale chosen), a size is refused at the field; nothing is sent.
    await control.clearRequests()
    await items.points('Dark theme').fill('L')
    await items.points('Dark theme').press('Tab')
    await expect(items.frame.getByRole('alert').filter({ hasText: 'Enter a number from 0 to 999' })).toBeVisible()
    expect((await control.restCalls()).filter((call) => call.methods.includes('tasks.api.scrum.task.update'))).toHaveLength(0)
    expect((await control.scrumTask(await taskId(control, 'Dark theme'))).storyPoints).toBe('21')
  })

  test('a refused edit is rolled back with a message where the list is', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await control.fault({ method: 'tasks.api.scrum.task.update', description: 'Access denied' })
    await items.points('Dark theme').fill('9')
    await items.points('Dark theme').press('Enter')
    await expect(items.report).toContainText('The change to “Dark theme” was not saved')
    await expect(items.report).toContainText('Not saved (1): You do not have access to this scrum team.')
    await expect(items.points('Dark theme')).toHaveValue('13')
    expect((await control.scrumTask(await taskId(control, 'Dark theme'))).storyPoints).toBe('13')
    // Retry sends it again; this time the portal keeps it.
    await items.report.getByRole('button', { name: 'Retry the 1 that failed' }).click()
    await expect(items.report).toHaveCount(0)
    await expect(items.points('Dark theme')).toHaveValue('9')
    expect((await control.scrumTask(await taskId(control, 'Dark theme'))).storyPoints).toBe('9')
  })

  test('set and clear an epic', async ({ shell, items, control }) => {
    await shell.open(mobile)
    const id = await taskId(control, 'Dark theme')
    await items.chooseEpic('Dark theme', 'Offline mode')
    await expect.poll(async () => (await control.scrumTask(id)).epicId).toBe(SEED.epics.offline)
    await items.chooseEpic('Dark theme', 'No epic')
    await expect.poll(async () => (await control.scrumTask(id)).epicId).toBe(0)
  })

  test('reorder from the keyboard; the order persists after a reload', async ({ page, shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    const before = await items.titles()
    expect(before[5]).toBe('Dark theme')
    await items.row('Dark theme').focus()
    await page.keyboard.press('Alt+ArrowUp')
    await expect.poll(() => items.titles()).toEqual([...before.slice(0, 4), 'Dark theme', before[4], ...before.slice(6)])
    await items.row('Dark theme').focus()
    await page.keyboard.press('Alt+Home')
    await expect.poll(async () => (await items.titles())[0]).toBe('Dark theme')
    await expect(shell.appFrame.getByRole('status').filter({ hasText: 'moved to position' })).toHaveText(
      '“Dark theme” moved to position 1 of 10.',
    )
    await items.menuAction('Apple Pay support', 'Move to the bottom')
    await expect.poll(async () => (await items.titles()).at(-1)).toBe('Apple Pay support')
    // The portal holds the new order (the screen shows it at once; the portal has it once sent).
    const portalOrder = async () => {
      const store = await control.store()
      const titles = new Map(store.tasks.map((task) => [task.id, task.title]))
      return store.items
        .filter((item) => item.entityId === SEED.backlogs.mobile)
        .sort((a, b) => a.sort - b.sort || a.taskId - b.taskId)
        .map((item) => titles.get(item.taskId))
    }
    await expect.poll(async () => [(await portalOrder())[0], (await portalOrder()).at(-1)]).toEqual(['Dark theme', 'Apple Pay support'])

    await page.reload()
    await expect(items.rows).toHaveCount(10)
    await expect.poll(async () => (await items.titles())[0]).toBe('Dark theme')
    expect((await items.titles()).at(-1)).toBe('Apple Pay support')
  })

  test('reorder by dragging a row', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    await control.clearRequests()
    await items.dragRow(items.row('Dark theme'), items.row('Password recovery by SMS'), { targetPosition: { x: 300, y: 4 } })
    await expect.poll(async () => (await items.titles()).slice(0, 3)).toEqual([
      'Sign-up with e-mail and password',
      'Dark theme',
      'Password recovery by SMS',
    ])
    // The list shows the new order at once; the portal logs the change when it has answered.
    const sent = async () => (await control.restCalls()).filter((call) => call.methods.includes('tasks.api.scrum.task.update'))
    await expect.poll(async () => (await sent()).length).toBe(1)
    const updates = await sent()
    // Dark theme and the four rows it passed get new positions; nothing else is sent.
    expect(updates[0]!.methods.filter((method) => method === 'tasks.api.scrum.task.update')).toHaveLength(5)
  })

  test('move to a sprint and back', async ({ shell, items, control }) => {
    await shell.open(mobile)
    const id = await taskId(control, 'Dark theme')
    await items.menuAction('Dark theme', 'Move to Sprint 3')
    await expect(items.toast('1 item moved.')).toBeVisible()
    await expect(items.row('Dark theme')).toHaveCount(0)
    expect((await control.scrumTask(id)).entityId).toBe(SEED.sprints.mobilePlanned)

    await expect(items.sprintList('Sprint 3').getByRole('row', { name: 'Dark theme' })).toBeVisible()
    await items.menuAction('Dark theme', 'Move back to the backlog')
    await expect.poll(async () => (await control.scrumTask(id)).entityId).toBe(SEED.backlogs.mobile)
    await expect(items.row('Dark theme')).toBeVisible()
    await expect(items.sprintList('Sprint 3').getByRole('row', { name: 'Dark theme' })).toHaveCount(0)
  })

  test('filters show as chips that remove them', async ({ shell, items }) => {
    await shell.open(mobile)
    await items.search.fill('pay')
    await expect(items.rows).toHaveCount(1)
    await expect(items.chips).toContainText('Text: pay')
    await items.choose('Epic', 'No epic')
    await expect(items.rows).toHaveCount(0)
    await items.chips.getByRole('button', { name: 'Remove filter “Text: pay”' }).click()
    await expect(items.rows).toHaveCount(4)
    await items.choose('Responsible', "James O'Connor")
    await expect(items.rows).toHaveCount(2)
    await items.toggle('No story points').click()
    await expect(items.rows).toHaveCount(1)
    await expect(items.row('Crash when rotating the screen (Android 15)')).toBeVisible()
    await shell.appFrame.getByRole('button', { name: 'Clear all filters' }).click()
    await expect(items.rows).toHaveCount(10)
  })

  test('bulk: set an epic on a filtered selection', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await items.choose('Epic', 'No epic')
    await expect(items.rows).toHaveCount(4)
    await items.checkbox('Dark theme').click()
    await expect(items.bulkBar).toContainText('1 selected')
    await items.bulkBar.getByRole('button', { name: 'Select all 4 shown' }).click()
    await expect(items.bulkBar).toContainText('4 selected')
    await items.bulkBar.getByRole('button', { name: /Set epic/ }).click()
    await shell.appFrame.getByRole('option', { name: 'Onboarding', exact: true }).click()
    await control.clearRequests()
    await items.bulkBar.getByRole('button', { name: 'Apply' }).first().click()
    await expect(items.toast('4 items updated.')).toBeVisible()
    await expect(items.rows).toHaveCount(0)
    const batches = (await control.restCalls()).filter((call) => call.methods.includes('tasks.api.scrum.task.update'))
    expect(batches).toHaveLength(1)
    expect(batches[0]!.methods.filter((method) => method === 'tasks.api.scrum.task.update')).toHaveLength(4)
    expect((await control.scrumTask(await taskId(control, 'Dark theme'))).epicId).toBe(SEED.epics.onboarding)
  })

  test('select a range with Shift', async ({ shell, items }) => {
    await shell.open(mobile)
    await items.checkbox('Password recovery by SMS').click()
    await items.checkbox('Push notification settings').click({ modifiers: ['Shift'] })
    await expect(items.bulkBar).toContainText('4 selected')
  })

  test('epics: create, edit, and delete after detaching its items', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await items.epics.getByRole('button', { name: 'New epic' }).click()
    const dialog = shell.appFrame.getByRole('dialog', { name: 'New epic' })
    await dialog.getByRole('button', { name: 'Save epic' }).click()
    await expect(dialog).toContainText('Enter a name for the epic.')
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Search')
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Find anything')
    await dialog.getByRole('button', { name: 'Save epic' }).click()
    await expect(items.toast('Epic “Search” saved.')).toBeVisible()
    await expect(items.epics).toContainText('Search')

    await items.epics.getByRole('button', { name: 'Edit epic “Search”' }).click()
    const edit = shell.appFrame.getByRole('dialog', { name: 'Edit epic' })
    await edit.getByRole('textbox', { name: 'Name' }).fill('Search v2')
    await edit.getByRole('button', { name: 'Save epic' }).click()
    await expect(items.epics).toContainText('Search v2')

    const applePay = await taskId(control, 'Apple Pay support')
    await items.epics.getByRole('button', { name: 'Delete epic “Payments”' }).click()
    const confirm = shell.appFrame.getByRole('alertdialog', { name: 'Delete epic “Payments”?' })
    await expect(confirm).toContainText('5 items are marked with this epic')
    await expect(confirm.getByRole('checkbox', { name: 'Also unmark its 5 items' })).toBeChecked()
    await confirm.getByRole('button', { name: 'Delete' }).click()
    await expect(items.toast('Epic “Payments” deleted.')).toBeVisible()
    await expect(items.epics).not.toContainText('Payments')
    expect((await control.scrumTask(applePay)).epicId).toBe(0)
  })

  test('open a task in the portal’s slider', async ({ shell, items }) => {
    await shell.open(mobile)
    await items.row('Apple Pay support').getByRole('button', { name: 'Apple Pay support', exact: true }).click()
    await expect(shell.slider).toBeVisible()
    await expect(shell.page.frameLocator('#slider-frame').getByText('Apple Pay support').first()).toBeVisible()
    await shell.page.getByRole('button', { name: 'Close slider' }).click()
    await expect(shell.slider).toBeHidden()
  })
})

test.describe('big backlogs', () => {
  for (const [name, groupId, n] of [
    ['120', LARGE.groups.medium, 120],
    ['1,000', LARGE.groups.huge, 1000],
  ] as const) {
    test(`the planning screen of ${name} items loads in at most 2 + ⌈N/2500⌉ + ⌈N/50⌉ requests${n > VIRTUAL_FROM ? ', and the list is virtualised' : ', every row drawn'}`, async ({
      shell,
      items,
      control,
    }) => {
      await control.reset('large')
      await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId })
      await expect(items.totals).toContainText(`${n.toLocaleString('en')} items`, { timeout: 30_000 })
      await expect(shell.appFrame.getByText(/^Scrum master: /)).not.toContainText('…')
      // Everything the screen asked for, the small reads, the pages and the people included.
      const calls = await control.restCalls()
      expect(calls.length).toBeLessThanOrEqual(2 + Math.ceil(n / 2500) + Math.ceil(n / 50))
      // A list of up to VIRTUAL_FROM rows is drawn whole (cheaper than the virtualiser); a longer one
      // has only the rows in view in the page.
      if (n > VIRTUAL_FROM) expect(await items.rows.count()).toBeLessThan(40)
      else expect(await items.rows.count()).toBe(n)
    })
  }

  test('several batches of a big backlog travel at once, and leaving the screen stops the rest', async ({ shell, backlog, picker, control }) => {
    await control.reset('large')
    // Slow enough that the 20 batches of scrum fields (5 rounds of 4) are far from done when the
    // person leaves, however busy the machine.
    await control.latency(1_500)
    const scrumReads = async () => (await control.restCalls()).filter((call) => call.methods.includes('tasks.api.scrum.task.get'))
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: LARGE.groups.huge })
    await expect.poll(async () => (await scrumReads()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1)
    await backlog.back.click()
    await picker.expectLoaded()
    // Those already on their way finish (the portal logs a call when it answers)…
    await shell.page.waitForTimeout(2_000)
    const sent = (await scrumReads()).length
    // …and none is sent after.
    await shell.page.waitForTimeout(3_500)
    expect((await scrumReads()).length).toBe(sent)
    expect(sent).toBeLessThan(20)
  })

  test('a load that fails part-way keeps what it read: Retry reads only the rest', async ({ shell, items, control }) => {
    await control.reset('large')
    // Three scrum reads in the middle of the 1,000 fail; the other 997 arrive.
    await control.fault({ method: 'tasks.api.scrum.task.get', nth: 481, count: 3, description: 'Task read failed' })
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: LARGE.groups.huge })
    const failed = shell.appFrame.getByRole('alert').filter({ hasText: 'Task read failed' })
    await expect(failed).toBeVisible({ timeout: 30_000 })
    await control.clearRequests()
    await failed.getByRole('button', { name: 'Retry' }).click()
    await expect(items.totals).toContainText('1,000 items', { timeout: 30_000 })
    // One batch for the three that failed: no page of the list and no other item is read again.
    const calls = await control.restCalls()
    expect(calls.map((call) => call.methods.length)).toEqual([4])
    expect(calls[0]!.methods.slice(1)).toEqual(['tasks.api.scrum.task.get', 'tasks.api.scrum.task.get', 'tasks.api.scrum.task.get'])
  })

  test('a bulk change of 120 items goes in batches of 50 with progress', async ({ shell, items, control }) => {
    await control.reset('large')
    await openTeamTab(shell, items, LARGE.groups.medium, '120 items')
    await items.rows.first().locator('.item-row__check').click()
    await items.bulkBar.getByRole('button', { name: 'Select all 120 shown' }).click()
    await expect(items.bulkBar).toContainText('120 selected')
    await control.clearRequests()
    await control.latency(300)
    await items.bulkBar.getByRole('textbox', { name: 'Set story points' }).fill('8')
    await items.bulkBar.getByRole('button', { name: 'Apply' }).nth(1).click()
    await items.confirmBulk(120, 'The story points of 120 items will be set to 8.')
    await expect(items.bulkBar.getByRole('progressbar', { name: 'Saving the selected items' })).toBeVisible()
    await expect(items.toast('120 items updated.')).toBeVisible({ timeout: 30_000 })
    const batches = (await control.restCalls()).filter((call) => call.methods.includes('tasks.api.scrum.task.update'))
    expect(batches.map((call) => call.methods.length - 1)).toEqual([50, 50, 20])
    await expect(items.totals).toContainText('960 story points')
  })
})
