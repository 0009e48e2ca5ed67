import { SEED } from './portal/data/seed-default'
import { expect, test, type PortalControl } from './fixtures'

const mobile = { placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile } as const

async function epicNamed(control: PortalControl, name: string) {
  const epic = (await control.store()).epics.find((candidate) => candidate.groupId === SEED.groups.mobile && candidate.name === name)
  if (!epic) throw new Error(`no epic "${name}"`)
  return epic
}

test.describe('the epics panel', () => {
  test('a new epic gets a colour no other epic of the team has; each epic shows its progress and filters the lists', async ({
    page,
    shell,
    items,
    control,
  }) => {
    // One of the five Payments items is done.
    const applePay = (await control.store()).tasks.find((task) => task.title === 'Apple Pay support')!
    await control.rest('tasks.task.update', { taskId: applePay.id, fields: { STATUS: 5 } })
    await shell.open(mobile)
    await expect(items.rows).toHaveCount(10)

    const payments = items.epics.getByRole('listitem').filter({ hasText: 'Payments' })
    await expect(payments).toContainText('1 of 5 items done · 8 of 25 SP')

    // Clicking the epic shows only its items; again, all of them.
    const name = items.epics.getByRole('button', { name: 'Payments', exact: true })
    await name.click()
    await expect(name).toHaveAttribute('aria-pressed', 'true')
    await expect(items.chips).toContainText('Payments')
    await expect(items.rows).toHaveCount(2)
    await name.click()
    await expect(name).toHaveAttribute('aria-pressed', 'false')
    await expect(items.rows).toHaveCount(10)

    // Two new epics: each starts with a colour the team's epics do not have yet.
    const taken = new Set((await control.store()).epics.filter((epic) => epic.groupId === SEED.groups.mobile).map((epic) => epic.color.toLowerCase()))
    for (const epicName of ['Search', 'Sharing']) {
      await items.epics.getByRole('button', { name: 'New epic' }).click()
      const dialog = shell.appFrame.getByRole('dialog', { name: 'New epic' })
      await dialog.getByRole('textbox', { name: 'Name' }).fill(epicName)
      await dialog.getByRole('button', { name: 'Save epic' }).click()
      await expect(dialog).toHaveCount(0)
      await expect.poll(async () => (await epicNamed(control, epicName).catch(() => null))?.color).toBeTruthy()
      const color = (await epicNamed(control, epicName)).color.toLowerCase()
      expect(taken.has(color), `${epicName} got ${color}`).toBe(false)
      taken.add(color)
    }
    await page.reload()
    await expect(items.epics.getByRole('listitem').filter({ hasText: 'Sharing' })).toContainText('No items yet')
  })
})
