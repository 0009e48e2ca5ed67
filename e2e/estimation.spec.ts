import { SEED } from './portal/data/seed-default'
import { expect, test, type PortalControl } from './fixtures'

const mobile = { placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile } as const

/** The story points of the team's backlog items, as the portal holds them. */
async function backlogPoints(control: PortalControl): Promise<string[]> {
  const store = await control.store()
  return store.items.filter((item) => item.entityId === SEED.backlogs.mobile).map((item) => item.storyPoints)
}

test.describe('estimation scale per team', () => {
  test('a team on the Fibonacci scale: the fields offer its values and refuse "abc"; the choice is kept on the portal', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    await items.frame.getByRole('button', { name: 'Estimation: Free numbers' }).click()
    const dialog = shell.appFrame.getByRole('dialog', { name: 'Estimation scale' })
    await dialog.locator('label', { hasText: 'Fibonacci' }).click()
    await expect(dialog.getByRole('radio', { name: /Fibonacci/ })).toBeChecked()
    // Estimates already outside the scale are counted, and kept.
    await expect(dialog).toContainText(/item(s)? ha(s|ve) (an )?estimates? this scale does not take/)
    await dialog.getByRole('button', { name: 'Save scale' }).click()
    await expect(items.toast(/is now: Fibonacci/)).toBeVisible()
    expect(JSON.parse(String((await control.store()).appOptions[`scale_${SEED.groups.mobile}`]))).toEqual({ kind: 'fibonacci' })

    // "abc" is refused at the field, with the scale's values, and nothing is sent.
    await control.clearRequests()
    const field = items.points('Dark theme')
    await field.fill('abc')
    await field.press('Enter')
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(items.frame.getByText('Use a value of the team’s scale: 0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100, ?.')).toBeVisible()
    expect((await control.restCalls()).filter((call) => call.methods.includes('tasks.api.scrum.task.update'))).toHaveLength(0)
    // The field offers the scale's values.
    const offered = await field.evaluate((input: HTMLInputElement) => [...(input.list?.options ?? [])].map((option) => option.value))
    expect(offered).toEqual(['0', '0.5', '1', '2', '3', '5', '8', '13', '20', '40', '100', '?'])
    await field.fill('½')
    await field.press('Enter')
    await expect(field).not.toHaveAttribute('aria-invalid')
    await expect(field).toHaveValue('0.5')
    const store = await control.store()
    const darkTheme = store.tasks.find((task) => task.title === 'Dark theme')!.id
    await expect.poll(async () => (await control.store()).items.find((item) => item.taskId === darkTheme)?.storyPoints).toBe('0.5')

    // Quick add follows the scale too.
    await items.typeNewTask('Biometric sign-in', '4')
    await items.addButton.click()
    await expect(items.quickAdd).toContainText('Use a value of the team’s scale')

    // The choice survives a reload: it came back with the frame's app options.
    await shell.open(mobile)
    await expect(items.frame.getByRole('button', { name: 'Estimation: Fibonacci' })).toBeVisible()
  })

  test('a T-shirt team’s totals sum the sizes’ points; a size left blank is shown but not counted', async ({ shell, items, control }) => {
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)
    await items.frame.getByRole('button', { name: 'Estimation: Free numbers' }).click()
    const dialog = shell.appFrame.getByRole('dialog', { name: 'Estimation scale' })
    await dialog.locator('label', { hasText: 'T-shirt sizes' }).click()
    await dialog.getByRole('textbox', { name: 'XL', exact: true }).fill('10')
    await dialog.getByRole('textbox', { name: 'S', exact: true }).fill('')
    await dialog.getByRole('button', { name: 'Save scale' }).click()
    await expect(items.toast(/is now: T-shirt sizes/)).toBeVisible()

    await items.points('Dark theme').fill('m')
    await items.points('Dark theme').press('Enter')
    await expect(items.points('Dark theme')).toHaveValue('M')
    await items.points('Push notification settings').fill('S')
    await items.points('Push notification settings').press('Enter')
    await expect.poll(async () => (await backlogPoints(control)).filter((points) => points === 'M' || points === 'S')).toHaveLength(2)

    // What the totals must say, from what the portal holds: numbers, M = 3, XL = 10; S counts nothing.
    const points = await backlogPoints(control)
    const worth = (text: string) => ({ M: 3, XL: 10 })[text] ?? (/^\d+(\.\d+)?$/.test(text) ? Number(text) : null)
    const total = points.reduce((sum, text) => sum + (worth(text) ?? 0), 0)
    const uncounted = points.filter((text) => text && worth(text) === null).length
    expect(points).toContain('XL')
    await expect(items.totals).toContainText(`${total.toLocaleString('en')} story points`)
    await expect(items.totals).toContainText(`${uncounted} estimates that are not numbers`)
  })
})
