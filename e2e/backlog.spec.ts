import { SEED } from './portal/data/seed-default'
import { expect, test } from './fixtures'

test.describe('pick a scrum team and manage its backlog', () => {
  test('search a team by name, open it: its backlog with the people by name', async ({ shell, picker, backlog, control }) => {
    await shell.open()
    await picker.expectLoaded()
    await picker.searchFor('Альфа')
    await expect(picker.rows).toHaveCount(1)
    await expect(picker.row('Команда «Альфа»')).toContainText('Has a backlog')
    await picker.choose('Команда «Альфа»')

    await expect(backlog.title).toHaveText('Команда «Альфа»')
    await backlog.openSettings()
    await expect(backlog.field('Backlog ID')).toHaveText(String(SEED.backlogs.alpha))
    await expect(backlog.field('Scrum team')).toHaveText('Команда «Альфа»')
    await expect(backlog.field('Created by')).toHaveText('Дмитрий Соколов')
    await expect(backlog.field('Last modified by')).toHaveText('Дмитрий Соколов')
    // The search went to the portal, not a filter of what was already loaded.
    const lists = (await control.restCalls()).filter((call) => call.methods.includes('socialnetwork.api.workgroup.list'))
    expect(lists.length).toBeGreaterThanOrEqual(2)
  })

  test('a search typed past sends nothing more: one request for it, three for the finished one', async ({ shell, picker, control }) => {
    await shell.open()
    await picker.expectLoaded()
    // Slow enough that typing on always happens while the first search's first request travels.
    await control.latency(3_000)
    await control.clearRequests()
    // A pause longer than the debounce starts a search for "Mob"; typing on leaves it behind.
    await picker.search.pressSequentially('Mob')
    await shell.page.waitForTimeout(500)
    await picker.search.pressSequentially('ile')
    await expect(picker.row('Mobile App')).toContainText('Has a backlog', { timeout: 20_000 })
    await expect(picker.rows).toHaveCount(1)
    // Anything "Mob" would still send would be answered within this.
    await shell.page.waitForTimeout(3_500)
    // "Mob": its groups page only (no backlogs, no names); "Mobile": groups, backlogs, names.
    expect((await control.restCalls()).map((call) => call.methods[1] ?? call.methods[0])).toHaveLength(4)
  })

  test('a scrum without a backlog: explained, then created with one backlog.add', async ({ shell, picker, backlog, control }) => {
    await shell.open()
    await expect(picker.row('Website Relaunch')).toContainText('No backlog')
    await picker.choose('Website Relaunch')
    await expect(backlog.noBacklog).toBeVisible()
    await expect(shell.appFrame.getByText(/opens the team’s Planning page/)).toBeVisible()

    await control.clearRequests()
    await backlog.createButton.click()
    await expect(backlog.toast('Backlog created for “Website Relaunch”.')).toBeVisible()
    await backlog.openSettings()
    await expect(backlog.field('Created by')).toHaveText('Olivia Bennett')
    const adds = (await control.restCalls()).filter((call) => call.methods.includes('tasks.api.scrum.backlog.add'))
    expect(adds).toHaveLength(1)

    // The picker's badge follows.
    await backlog.settingsDialog.getByRole('button', { name: 'Close' }).click()
    await backlog.back.click()
    await expect(picker.row('Website Relaunch')).toContainText('Has a backlog')
  })

  test('edit "created by" with the portal’s user dialog: saved, and still there after a reload', async ({
    page,
    shell,
    picker,
    backlog,
  }) => {
    await shell.open()
    await picker.choose('Команда «Альфа»')
    await backlog.openSettings()
    await backlog.editButton.click()
    await backlog.changeUser('Created by').click()
    await shell.chooseUserInPortalDialog('Jürgen Müller')
    await expect(backlog.userField('Created by')).toContainText('Jürgen Müller')
    await backlog.saveButton.click()
    await expect(backlog.toast('Backlog saved.')).toBeVisible()
    await backlog.openSettings()
    await expect(backlog.field('Created by')).toHaveText('Jürgen Müller')
    await expect(backlog.field('Last modified by')).toHaveText('Olivia Bennett')

    await page.reload()
    // The last chosen team opens again for this user.
    await expect(backlog.title).toHaveText('Команда «Альфа»')
    await backlog.openSettings()
    await expect(backlog.field('Created by')).toHaveText('Jürgen Müller')
  })

  test('delete is not offered for a backlog with items, and says why; an empty one is deleted after confirming', async ({
    shell,
    picker,
    backlog,
    control,
  }) => {
    await shell.open()
    await picker.choose('Mobile App')
    await backlog.openSettings()
    await expect(backlog.settingsDialog).toContainText(
      'The backlog holds 10 items: it can be deleted or moved to another team only when empty.',
    )
    await expect(backlog.deleteButton).toBeDisabled()
    expect((await control.restCalls()).flatMap((call) => call.methods)).not.toContain('tasks.api.scrum.backlog.delete')
    await backlog.settingsDialog.getByRole('button', { name: 'Close' }).click()

    await backlog.back.click()
    await picker.choose('Scrum Sandbox')
    await backlog.openSettings()
    await backlog.deleteButton.click()
    await expect(backlog.deleteDialog).toContainText('Delete the backlog of “Scrum Sandbox”?')
    await backlog.deleteDialog.getByRole('button', { name: 'Delete' }).click()
    await expect(backlog.toast('The backlog of “Scrum Sandbox” was deleted.')).toBeVisible()
    await expect(backlog.noBacklog).toBeVisible()
  })

  test('a regular member sees only the teams they may see', async ({ shell, picker }) => {
    await shell.open({ user: SEED.users.regular })
    await picker.expectLoaded()
    await expect(picker.row('Data Platform')).toBeVisible()
    await expect(picker.row('Mobile App')).toBeVisible()
    await expect(picker.list).not.toContainText('Project Nebula')
    await picker.searchFor('Nebula')
    await expect(shell.appFrame.getByText('No scrum team’s name contains “Nebula”.')).toBeVisible()
  })

  test('a team the user cannot read shows the access-denied state', async ({ shell, picker, backlog }) => {
    await shell.open({ user: SEED.users.regular })
    await expect(picker.row('Qualitätssicherung')).toContainText('Backlog not readable')
    await picker.choose('Qualitätssicherung')
    await expect(shell.appFrame.getByRole('heading', { name: 'You do not have access to this scrum team.' })).toBeVisible()
    await shell.appFrame.getByRole('button', { name: 'Choose another team' }).click()
    await expect(picker.heading).toBeVisible()
    void backlog
  })

  test('forced Access denied on a team the admin can read shows the same state', async ({ shell, control }) => {
    await control.fault({ method: 'tasks.api.scrum.backlog.get', description: 'Access denied' })
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile })
    await expect(shell.appFrame.getByRole('heading', { name: 'You do not have access to this scrum team.' })).toBeVisible()
  })

  test('opened from a workgroup tab, that team opens directly', async ({ shell, backlog, picker }) => {
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.platform })
    await expect(backlog.title).toHaveText('R&D <Core> "Platform"')
    await backlog.openSettings()
    await expect(backlog.field('Created by')).toHaveText('Henrik Weiß')
    await expect(backlog.field('Last modified by')).toHaveText('伟 张')
    await expect(picker.heading).toHaveCount(0)
  })

  test('the first screen of the picker costs at most 3 HTTP requests', async ({ shell, picker, control }) => {
    await shell.open()
    await picker.expectLoaded()
    await expect(picker.row('Mobile App')).toContainText('Has a backlog')
    await expect(picker.row('Mobile App')).toContainText('Scrum master: Дмитрий Соколов')
    const calls = await control.restCalls()
    expect(calls.length).toBeLessThanOrEqual(3)
  })
})
