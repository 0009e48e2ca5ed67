import { SEED } from './portal/data/seed-default'
import { expect, test } from './fixtures'

/**
 * Three things the docs and the server source disagree on, which only a real portal settles
 * (`npm run check:portal` asks it). Until then the app must work whichever answer a portal gives:
 * each test plays the answer the app could most easily get wrong, and checks the portal itself.
 */

const mobile = { placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile } as const

test('a portal that answers “Epic not found” to epicId 0: epic delete says so and stops offering to unmark', async ({ shell, items, control }) => {
  await control.quirks({ epicZeroDetaches: false })
  await shell.open(mobile)
  await expect(items.rows).toHaveCount(10)
  const marked = async () => (await control.store()).items.filter((item) => item.epicId === SEED.epics.payments).length

  await items.epics.getByRole('button', { name: 'Delete epic “Payments”' }).click()
  const confirm = shell.appFrame.getByRole('alertdialog', { name: 'Delete epic “Payments”?' })
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(items.toast('Epic “Payments” deleted.')).toBeVisible()
  // Told as the portal's refusal, not as an epic that went missing.
  await expect(items.report).toContainText('does not let apps take a task out of an epic')
  // Sending it again would be refused again: no Retry.
  await expect(items.report.getByRole('button', { name: /^Retry/ })).toHaveCount(0)
  const notice = items.epics.getByRole('status').filter({ hasText: '5 items point to an epic that no longer exists' })
  await expect(notice).toContainText('This portal does not let apps unmark items')
  await expect(notice.getByRole('button', { name: /^Unmark/ })).toHaveCount(0)
  expect((await control.store()).epics.some((epic) => epic.id === SEED.epics.payments)).toBe(false)
  expect(await marked()).toBe(5)

  // The next epic's delete does not ask the portal to unmark anything again.
  const before = (await control.restCalls()).length
  await items.epics.getByRole('button', { name: 'Delete epic “Onboarding”' }).click()
  const second = shell.appFrame.getByRole('alertdialog', { name: 'Delete epic “Onboarding”?' })
  await expect(second).toContainText('This portal does not let apps unmark items')
  await expect(second.getByRole('checkbox')).toHaveCount(0)
  await second.getByRole('button', { name: 'Delete' }).click()
  await expect(items.toast('Epic “Onboarding” deleted.')).toBeVisible()
  const after = (await control.restCalls()).slice(before)
  expect(after.flatMap((call) => call.methods)).not.toContain('tasks.api.scrum.task.update')
})

test('a portal that ignores the scrum filter: the picker still lists only scrum teams', async ({ shell, picker, control }) => {
  await control.quirks({ scrumMasterFilter: 'ignored' })
  await shell.open()
  await picker.expectLoaded()
  for (const plain of ['Sales Team', 'Marketing', 'Office Move 2026']) await expect(picker.row(plain)).toHaveCount(0)
  await expect(picker.row('Mobile App')).toBeVisible()
  // The portal's total counted the other groups too, so the app does not repeat it as a count of teams.
  const count = shell.appFrame.locator('.group-picker__count')
  await expect(count).toHaveText(/^\d+ scrum teams shown$/)
  const shown = Number((await count.textContent())!.split(' ')[0])
  await expect(picker.rows).toHaveCount(shown)
})

for (const autoAdd of [false, true]) {
  test(`quick add puts the task in the backlog once whether or not the portal auto-adds it (auto-add ${autoAdd ? 'on' : 'off'})`, async ({
    shell,
    items,
    control,
  }) => {
    await control.quirks({ taskUpdateAutoAdd: autoAdd })
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    await items.typeNewTask('Offline banner', '2')
    await items.addButton.click()
    await expect(items.row('Offline banner')).toHaveCount(1)
    await expect(items.points('Offline banner')).toHaveValue('2')
    const store = await control.store()
    const [task] = store.tasks.filter((t) => t.title === 'Offline banner')
    expect(task).toBeDefined()
    const placed = store.items.filter((item) => item.taskId === task!.id)
    expect(placed.map((item) => [item.entityId, item.storyPoints])).toEqual([[SEED.backlogs.mobile, '2']])
  })
}
