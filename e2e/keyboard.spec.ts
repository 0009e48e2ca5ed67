import AxeBuilder from '@axe-core/playwright'
import { SEED } from './portal/data/seed-default'
import { expect, test } from './fixtures'

const mobile = { placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile } as const

test.describe('the keyboard reaches everything on the planning screen', () => {
  test('"/", "c", Enter, Space and "?" do what they say; a click on a row focuses it without selecting it', async ({ page, shell, items }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    const row = items.row('Apple Pay support')

    // A click on the row's empty space: focused, not selected, no bulk bar.
    await row.locator('.item-row__cell--status').click()
    await expect(row).toBeFocused()
    await expect(row).toHaveAttribute('aria-selected', 'false')
    await expect(items.bulkBar).toHaveCount(0)

    // Space selects the focused row (and again unselects it).
    await page.keyboard.press('Space')
    await expect(row).toHaveAttribute('aria-selected', 'true')
    await expect(items.bulkBar).toContainText('1 selected')
    await page.keyboard.press('Space')
    await expect(row).toHaveAttribute('aria-selected', 'false')

    // "/" goes to the search; letters typed there are text, not shortcuts.
    await page.keyboard.press('/')
    await expect(items.search).toBeFocused()
    await page.keyboard.type('cn?')
    await expect(items.search).toHaveValue('cn?')
    await items.search.fill('')

    // "c" (or "n") goes to the backlog's quick add.
    await row.focus()
    await page.keyboard.press('c')
    await expect(items.quickAdd.getByRole('textbox', { name: 'New task' })).toBeFocused()
    await row.focus()
    await page.keyboard.press('n')
    await expect(items.quickAdd.getByRole('textbox', { name: 'New task' })).toBeFocused()

    // "?" lists the shortcuts; Escape closes the list and the focus goes back.
    await row.focus()
    await page.keyboard.press('?')
    const help = shell.appFrame.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(help).toContainText('Open the focused task')
    await expect(help).toContainText('Search the items')
    const axe = await new AxeBuilder({ page }).include('#app-frame').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(axe.violations.map((violation) => violation.id)).toEqual([])
    await page.keyboard.press('Escape')
    await expect(help).toHaveCount(0)
    await expect(row).toBeFocused()

    // Enter opens the focused task in the portal's slider.
    await page.keyboard.press('Enter')
    await expect(shell.slider).toBeVisible()
    await expect(shell.page.frameLocator('#slider-frame').getByText('Apple Pay support').first()).toBeVisible()
    await expect(row).toHaveAttribute('aria-selected', 'false')
  })
})
