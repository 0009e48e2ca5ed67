import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { SEED } from './portal/data/seed-default'
import { expect, test } from './fixtures'

/** WCAG 2 A/AA violations inside the app's frame (the portal shell around it is not ours). */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('#app-frame')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

test.describe('accessibility', () => {
  test('every screen and dialog is axe-clean', async ({ page, shell, picker, backlog }) => {
    await shell.open()
    await picker.expectLoaded()
    await expect(picker.row('Mobile App')).toContainText('Has a backlog')
    expect(await violations(page), 'group picker').toEqual([])

    await picker.choose('Команда «Альфа»')
    await expect(backlog.title).toHaveText('Команда «Альфа»')
    expect(await violations(page), 'planning').toEqual([])

    await backlog.openSettings()
    await expect(backlog.field('Created by')).toHaveText('Дмитрий Соколов')
    expect(await violations(page), 'backlog settings').toEqual([])

    await backlog.editButton.click()
    await expect(backlog.editDialog).toBeVisible()
    expect(await violations(page), 'edit dialog').toEqual([])
    await backlog.editDialog.getByRole('button', { name: 'Cancel' }).click()

    // Only an empty backlog is offered for deletion.
    await backlog.back.click()
    await picker.choose('Scrum Sandbox')
    await backlog.openSettings()
    await backlog.deleteButton.click()
    await expect(backlog.deleteDialog).toBeVisible()
    expect(await violations(page), 'delete dialog').toEqual([])
    await backlog.deleteDialog.getByRole('button', { name: 'Cancel' }).click()

    await backlog.back.click()
    await picker.choose('Website Relaunch')
    await expect(backlog.noBacklog).toBeVisible()
    expect(await violations(page), 'no backlog').toEqual([])
  })

  test('the items: list, filters with chips, bulk bar, row menu and epic dialog are axe-clean', async ({
    page,
    shell,
    items,
  }) => {
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile })
    await expect(items.rows).toHaveCount(10)
    expect(await violations(page), 'items').toEqual([])

    await items.search.fill('a')
    await items.choose('Epic', 'Payments')
    await items.checkbox('Apple Pay support').click()
    await expect(items.bulkBar).toBeVisible()
    expect(await violations(page), 'filters and bulk bar').toEqual([])

    await items.menu('Apple Pay support').click()
    await expect(shell.appFrame.getByRole('menu')).toBeVisible()
    expect(await violations(page), 'row menu').toEqual([])
    await page.keyboard.press('Escape')

    await items.epics.getByRole('button', { name: 'New epic' }).click()
    await expect(shell.appFrame.getByRole('dialog', { name: 'New epic' })).toBeVisible()
    expect(await violations(page), 'epic dialog').toEqual([])
  })

  test('the access-denied and error states are axe-clean', async ({ page, shell, control }) => {
    await shell.open({ user: SEED.users.regular, placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.quality })
    await expect(shell.appFrame.getByRole('heading', { name: 'You do not have access to this scrum team.' })).toBeVisible()
    expect(await violations(page), 'access denied').toEqual([])

    await control.fault({ method: 'batch', description: 'Unknown error' })
    await shell.open()
    await expect(shell.appFrame.getByRole('alert')).toBeVisible()
    expect(await violations(page), 'error').toEqual([])
  })

  // One test per scheme: four axe runs each, which take a loaded CI machine most of a test's time.
  for (const scheme of ['light', 'dark'] as const) {
    test(`what the portal kept, a stray backlog, a group that is not a scrum and failed loads are axe-clean (${scheme})`, async ({
      page,
      shell,
      items,
      control,
    }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await control.reset('default')
      await control.fault({ method: 'tasks.api.scrum.epic.list', status: 500, error: 'INTERNAL_SERVER_ERROR', count: -1 })
      await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile })
      await expect(items.rows).toHaveCount(10)
      await control.fault({ method: 'tasks.api.scrum.task.update', description: 'Unable to update task' })
      await items.points('Dark theme').fill('4')
      await items.points('Dark theme').press('Enter')
      await expect(items.report).toBeVisible()
      await expect(items.epics.getByRole('alert')).toBeVisible()
      expect(await violations(page), `report and failed epics (${scheme})`).toEqual([])

      await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mistakenBacklog })
      await expect(shell.appFrame.getByText('It is empty and can be deleted.')).toBeVisible()
      expect(await violations(page), `stray backlog (${scheme})`).toEqual([])

      await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.project })
      await expect(shell.appFrame.getByRole('heading', { name: /is a project, not a scrum team/ })).toBeVisible()
      expect(await violations(page), `not a scrum (${scheme})`).toEqual([])
    })
  }

  test('keyboard only: find a team, open it, edit and cancel, go back', async ({ page, shell, picker, backlog }) => {
    await shell.open()
    await picker.expectLoaded()
    await picker.search.focus()
    await page.keyboard.type('Mobile')
    await expect(picker.rows).toHaveCount(1)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect(backlog.title).toHaveText('Mobile App')

    await backlog.settingsButton.focus()
    await page.keyboard.press('Enter')
    await expect(backlog.settingsDialog).toBeVisible()
    await expect(backlog.settingsDialog.getByRole('button', { name: 'Close' })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(backlog.settingsDialog).toBeHidden()
    await expect(backlog.settingsButton).toBeFocused()

    await backlog.back.focus()
    await page.keyboard.press('Enter')
    await expect(picker.heading).toBeVisible()

    // Without a search: the arrow keys walk the teams, Escape empties the search.
    await picker.search.focus()
    await page.keyboard.type('zzz')
    await page.keyboard.press('Escape')
    await expect(picker.search).toHaveValue('')
    await expect(picker.rows).toHaveCount(9)
    await page.keyboard.press('Tab')
    await expect(picker.list.getByRole('button', { name: 'Data Platform' })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(picker.list.getByRole('button', { name: 'Mobile App' })).toBeFocused()
    await page.keyboard.press('End')
    await expect(picker.list.getByRole('button', { name: 'Команда «Альфа»' })).toBeFocused()
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowUp')
    await expect(picker.list.getByRole('button', { name: 'Data Platform' })).toBeFocused()
    await page.keyboard.press('Space')
    await expect(backlog.title).toHaveText('Data Platform')
  })
})

test.describe('accessibility in the dark', () => {
  test.use({ colorScheme: 'dark' })

  test('the picker and a backlog with its items are axe-clean in dark mode', async ({ page, shell, picker, items }) => {
    await shell.open()
    await picker.expectLoaded()
    expect(await violations(page), 'picker').toEqual([])
    await picker.choose('Mobile App')
    await expect(items.rows).toHaveCount(10)
    await items.checkbox('Dark theme').click()
    await expect(items.bulkBar).toBeVisible()
    expect(await violations(page), 'backlog').toEqual([])
  })
})

test.describe('the planning screen and its dialogs', () => {
  for (const lang of ['en', 'ru', 'de'] as const) {
    test(`are axe-clean in ${lang}, light and dark`, async ({ page, shell }) => {
      test.setTimeout(120_000)
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile, lang })
        await expect(shell.appFrame.locator('.container--backlog .item-row')).toHaveCount(10)
        await shell.appFrame.locator('.completed-sprints button').click()
        await expect(shell.appFrame.locator('.container--completed').first()).toBeVisible()
        expect(await violations(page), `planning (${lang}, ${scheme})`).toEqual([])

        const dialogs = shell.appFrame.locator('.ui-dialog')
        const check = async (open: () => Promise<void>, name: string) => {
          await open()
          await expect(dialogs).toBeVisible()
          expect(await violations(page), `${name} (${lang}, ${scheme})`).toEqual([])
          await page.keyboard.press('Escape')
          await expect(dialogs).toHaveCount(0)
        }
        await check(() => shell.appFrame.locator('.sprints__toolbar button').click(), 'new sprint')
        await check(() => shell.appFrame.locator('.container--active .container-head__actions .ui-button--primary').click(), 'complete sprint')
        await check(async () => {
          await shell.appFrame.locator('.container--planned .container-head__actions .item-row__menu').click()
          await shell.appFrame.getByRole('menuitem').last().click()
        }, 'delete sprint')
        await check(() => shell.appFrame.locator('.planning-head__settings').click(), 'backlog settings')
      }
    })
  }
})
