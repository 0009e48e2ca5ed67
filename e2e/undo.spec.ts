import { LARGE } from './portal/data/seed-large'
import { SEED } from './portal/data/seed-default'
import { expect, test, type PortalControl } from './fixtures'
import { openTeamTab } from './fixtures/open-team'

/** Every item of a team as the portal holds it: where it is, at which position, its points and epic. */
async function portalItems(control: PortalControl, groupId: number) {
  const store = await control.store()
  const tasks = new Set(store.tasks.filter((task) => task.groupId === groupId).map((task) => task.id))
  return new Map(
    store.items
      .filter((item) => tasks.has(item.taskId))
      .map((item) => [item.taskId, { entityId: item.entityId, sort: item.sort, storyPoints: item.storyPoints, epicId: item.epicId }]),
  )
}

async function taskId(control: PortalControl, title: string): Promise<number> {
  const task = (await control.store()).tasks.find((candidate) => candidate.title === title)
  if (!task) throw new Error(`no task "${title}"`)
  return task.id
}

const mobile = { placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile } as const

test.describe('undo and confirmations', () => {
  test('bulk set epic: nothing until an epic is chosen, a confirmation over 20 items, and Undo puts every item’s own epic back on the portal', async ({
    shell,
    items,
    control,
  }) => {
    test.setTimeout(90_000)
    await control.reset('large')
    const team = LARGE.groups.medium
    // Two epics, and 30 of the 120 items in the first: after the change and its Undo each item must
    // have its own epic again, not one value for all.
    const alpha = await control.rest<{ id: number }>('tasks.api.scrum.epic.add', { fields: { groupId: team, name: 'Alpha epic', color: '#2fc6f6' } })
    await control.rest('tasks.api.scrum.epic.add', { fields: { groupId: team, name: 'Beta epic', color: '#ff5752' } })
    const ids = [...(await portalItems(control, team)).keys()].slice(0, 30)
    await control.rest('batch', {
      halt: 0,
      cmd: Object.fromEntries(ids.map((id, index) => [`e${index}`, `tasks.api.scrum.task.update?id=${id}&fields[epicId]=${alpha.id}`])),
    })
    await openTeamTab(shell, items, team, '120 items')
    await items.rows.first().locator('.item-row__check').click()
    await items.bulkBar.getByRole('button', { name: 'Select all 120 shown' }).click()
    await expect(items.bulkBar).toContainText('120 selected')

    // Nothing chosen yet: Apply cannot strip the selection's epics by accident.
    const applyEpic = items.bulkBar.getByRole('button', { name: 'Apply' }).first()
    await expect(applyEpic).toBeDisabled()
    const before = await portalItems(control, team)
    expect([...before.values()].filter((item) => item.epicId === alpha.id)).toHaveLength(30)
    await items.bulkBar.getByRole('button', { name: /Set epic/ }).click()
    await shell.appFrame.getByRole('option', { name: 'Beta epic' }).click()
    const epicName = 'Beta epic'
    await expect(applyEpic).toBeEnabled()

    // Over 20 items: asked first, naming the count; Cancel sends nothing.
    await control.clearRequests()
    await applyEpic.click()
    const confirm = shell.appFrame.getByRole('alertdialog', { name: 'Change 120 items?' })
    await expect(confirm).toContainText(`The epic of 120 items will be set to “${epicName}”.`)
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirm).toHaveCount(0)
    expect(await control.restCalls()).toHaveLength(0)

    await applyEpic.click()
    await items.confirmBulk(120)
    const done = items.toast('120 items updated.')
    await expect(done).toBeVisible({ timeout: 20_000 })
    const chosen = [...(await portalItems(control, team)).values()][0]!.epicId
    expect([...(await portalItems(control, team)).values()].every((item) => item.epicId === chosen)).toBe(true)

    // Undo: each item gets its own previous epic back, on the portal and on screen.
    const changed = [...before.values()].filter((item) => item.epicId !== chosen).length
    await done.getByRole('button', { name: 'Undo' }).click()
    await expect(items.toast(`Undone: ${changed} items are back as they were.`)).toBeVisible({ timeout: 20_000 })
    const after = await portalItems(control, team)
    expect(Object.fromEntries([...after].map(([id, item]) => [id, item.epicId]))).toEqual(Object.fromEntries([...before].map(([id, item]) => [id, item.epicId])))
  })

  test('Undo after an inline story-point edit, a move to a sprint and a keyboard reorder restores what the portal held', async ({
    page,
    shell,
    items,
    control,
  }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    const team = SEED.groups.mobile
    const start = await portalItems(control, team)

    // An inline edit.
    const darkTheme = await taskId(control, 'Dark theme')
    await items.points('Dark theme').fill('21')
    await items.points('Dark theme').press('Enter')
    const edited = items.toast('“Dark theme”: story points set to 21.')
    await expect(edited).toBeVisible()
    await expect.poll(async () => (await control.scrumTask(darkTheme)).storyPoints).toBe('21')
    await edited.getByRole('button', { name: 'Undo' }).click()
    await expect(items.toast('Undone: 1 item is back as it was.')).toBeVisible()
    await expect.poll(async () => (await control.scrumTask(darkTheme)).storyPoints).toBe('13')
    await expect(items.points('Dark theme')).toHaveValue('13')

    // A move to a sprint.
    await items.menuAction('Push notification settings', 'Move to Sprint 3')
    const moved = items.toast('1 item moved.')
    await expect(moved).toBeVisible()
    const push = await taskId(control, 'Push notification settings')
    expect((await control.scrumTask(push)).entityId).toBe(SEED.sprints.mobilePlanned)
    await moved.getByRole('button', { name: 'Undo' }).click()
    await expect(items.toast(/Undone: /).last()).toBeVisible()
    await expect(items.row('Push notification settings')).toBeVisible()
    await expect.poll(async () => Object.fromEntries(await portalItems(control, team))).toEqual(Object.fromEntries(start))

    // A keyboard reorder.
    const titles = await items.titles()
    await items.row('Dark theme').focus()
    await page.keyboard.press('Alt+ArrowUp')
    const reordered = items.toast(/“Dark theme” moved to position \d+ of 10\./)
    await expect(reordered).toBeVisible()
    await expect.poll(async () => (await portalItems(control, team)).get(darkTheme)!.sort).not.toBe(start.get(darkTheme)!.sort)
    await reordered.getByRole('button', { name: 'Undo' }).click()
    await expect(items.toast(/Undone: /).last()).toBeVisible()
    await expect.poll(async () => Object.fromEntries(await portalItems(control, team))).toEqual(Object.fromEntries(start))
    await expect.poll(() => items.titles()).toEqual(titles)
  })
})
