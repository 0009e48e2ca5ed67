import type { Page } from '@playwright/test'
import { LARGE } from './portal/data/seed-large'
import { SEED } from './portal/data/seed-default'
import { expect, test, type PortalControl } from './fixtures'
import { openTeamTab } from './fixtures/open-team'

/**
 * The planning screen: sprints above the backlog, items moving between them, sprint actions, and a
 * layout that holds at any width. The portal's own state is checked after each action.
 */

const tab = (groupId: number) => ({ placement: 'SONET_GROUP_DETAIL_TAB', groupId }) as const

async function taskId(control: PortalControl, title: string): Promise<number> {
  const task = (await control.store()).tasks.find((candidate) => candidate.title === title)
  if (!task) throw new Error(`no task "${title}"`)
  return task.id
}

async function sprintNamed(control: PortalControl, groupId: number, name: string) {
  const sprint = (await control.store()).entities.find((entity) => entity.entityType === 'sprint' && entity.groupId === groupId && entity.name === name)
  if (!sprint) throw new Error(`no sprint "${name}"`)
  return sprint
}

const entityOf = async (control: PortalControl, title: string) => (await control.scrumTask(await taskId(control, title))).entityId

test.describe('planning sprints', () => {
  test('create a sprint, move three items in (drag, keyboard, bulk), start it, complete it: the unfinished item goes where chosen and velocity follows', async ({
    page,
    shell,
    items,
    control,
  }) => {
    test.setTimeout(90_000)
    const team = SEED.groups.hiddenWithRegular
    await shell.open(tab(team))
    await expect(items.rows).toHaveCount(4)
    await expect(items.sprint('Sprint 1')).toContainText('Capacity: no history yet')

    // Create: the next number, dates from the team's sprint length.
    await shell.appFrame.getByRole('button', { name: 'New sprint' }).click()
    const create = shell.appFrame.getByRole('dialog', { name: 'New sprint' })
    await expect(create.getByRole('textbox', { name: 'Name' })).toHaveValue('Sprint 2')
    await create.getByRole('button', { name: 'Create sprint' }).click()
    await expect(items.sprint('Sprint 2')).toBeVisible()
    const sprint2 = await sprintNamed(control, team, 'Sprint 2')
    expect(sprint2.status).toBe('planned')

    // By drag: into the empty sprint.
    await items.dragRow(items.row('Ingest clickstream events'), items.sprintList('Sprint 2'))
    await expect(items.sprintList('Sprint 2').getByRole('row', { name: 'Ingest clickstream events' })).toBeVisible()
    await expect.poll(() => entityOf(control, 'Ingest clickstream events')).toBe(sprint2.id)

    // By keyboard: the row's menu, "Move to Sprint 2"; the moved row has the focus in its new list.
    await items.menu('Partition the events table').focus()
    await page.keyboard.press('Enter')
    await expect(shell.appFrame.getByRole('menu')).toBeVisible()
    await page.keyboard.type('Move to Sprint 2')
    await page.keyboard.press('Enter')
    const moved = items.sprintList('Sprint 2').getByRole('row', { name: 'Partition the events table' })
    await expect(moved).toBeVisible()
    await expect(moved).toBeFocused()
    await expect.poll(() => entityOf(control, 'Partition the events table')).toBe(sprint2.id)

    // In bulk.
    await items.checkbox('Dashboard for daily actives').click()
    await items.bulkBar.getByRole('button', { name: /Move to/ }).click()
    await shell.appFrame.getByRole('option', { name: 'Sprint 2', exact: true }).click()
    await items.bulkBar.getByRole('button', { name: 'Move', exact: true }).click()
    await expect(items.toast('1 item moved.')).toBeVisible()
    await expect.poll(() => entityOf(control, 'Dashboard for daily actives')).toBe(sprint2.id)
    await expect(items.sprint('Sprint 2')).toContainText('3 items')

    // Start it.
    await items.sprint('Sprint 2').getByRole('button', { name: 'Start sprint' }).click()
    // The status in the sprint's name, not the word anywhere in it (an item is "Dashboard for daily actives").
    await expect(items.sprint('Sprint 2')).toHaveAccessibleName('Sprint 2 active')
    expect((await sprintNamed(control, team, 'Sprint 2')).status).toBe('active')
    await expect(items.sprint('Sprint 1')).toContainText('“Sprint 2” is active: complete it first.')

    // Two of the three get done in the portal; the third does not.
    for (const title of ['Ingest clickstream events', 'Partition the events table']) {
      await control.rest('tasks.task.update', { taskId: await taskId(control, title), fields: { STATUS: 5 } })
    }
    await page.reload()
    await items.sprint('Sprint 2').getByRole('button', { name: 'Complete sprint' }).click()
    const complete = shell.appFrame.getByRole('alertdialog', { name: 'Complete “Sprint 2”?' })
    await expect(complete).toContainText('2 of 3 items are completed (13 story points).')
    await complete.locator('label', { hasText: 'Sprint 1' }).click()
    await expect(complete.getByRole('radio', { name: 'Sprint 1' })).toBeChecked()
    await complete.getByRole('button', { name: 'Complete sprint' }).click()
    await expect(items.toast('“Sprint 2” completed.')).toBeVisible()

    const sprint1 = await sprintNamed(control, team, 'Sprint 1')
    expect((await sprintNamed(control, team, 'Sprint 2')).status).toBe('completed')
    await expect.poll(() => entityOf(control, 'Dashboard for daily actives')).toBe(sprint1.id)
    expect(await entityOf(control, 'Ingest clickstream events')).toBe(sprint2.id)
    await expect(items.sprintList('Sprint 1').getByRole('row', { name: 'Dashboard for daily actives' })).toBeVisible()

    // The completed sprint is folded away and read-only; the next sprint measures against the new velocity.
    await expect(items.sprint('Sprint 2')).toHaveCount(0)
    await shell.appFrame.getByRole('button', { name: 'Show 1 completed sprint' }).click()
    await expect(items.sprint('Sprint 2')).toHaveAccessibleName('Sprint 2 completed')
    await expect(items.sprintList('Sprint 2').locator('.item-row__check')).toHaveCount(0)
    await expect(items.sprintList('Sprint 2').locator('.item-row__drag')).toHaveCount(0)
    await items.menu('Ingest clickstream events').click()
    await expect(shell.appFrame.getByRole('menuitem', { name: /^Move/ })).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(items.sprint('Sprint 1')).toContainText('Capacity: 3 of 13 story points.')
    await expect(items.sprint('Sprint 1')).toContainText('Velocity of the last completed sprint.')
  })

  test('deleting a planned sprint holding items says how many go back to the backlog, and they do', async ({ shell, items, control }) => {
    await shell.open(tab(SEED.groups.mobile))
    await expect(items.rows).toHaveCount(10)
    await items.sprint('Sprint 3').getByRole('button', { name: 'Actions for “Sprint 3”' }).click()
    await shell.appFrame.getByRole('menuitem', { name: 'Delete sprint' }).click()
    const confirm = shell.appFrame.getByRole('alertdialog', { name: 'Delete “Sprint 3”?' })
    await expect(confirm).toContainText('Its 1 item goes back to the backlog.')
    await confirm.getByRole('button', { name: 'Delete sprint' }).click()
    await expect(items.toast('“Sprint 3” deleted.')).toBeVisible()
    await expect(items.sprint('Sprint 3')).toHaveCount(0)
    await expect(items.row('Google Pay support')).toBeVisible()
    expect((await control.store()).entities.some((entity) => entity.id === SEED.sprints.mobilePlanned)).toBe(false)
    expect(await entityOf(control, 'Google Pay support')).toBe(SEED.backlogs.mobile)
  })

  test('quick add in a sprint puts the task in that sprint', async ({ shell, items, control }) => {
    await shell.open(tab(SEED.groups.mobile))
    await expect(items.rows).toHaveCount(10)
    await items.sprint('Sprint 3').getByRole('button', { name: 'Add task' }).click()
    const form = shell.appFrame.getByRole('form', { name: 'Add a task to Sprint 3' })
    await form.getByRole('textbox', { name: 'New task' }).fill('Wallet pass export')
    await form.getByRole('textbox', { name: 'Story points' }).fill('5')
    await form.getByRole('button', { name: 'Add' }).click()
    await expect(items.toast('“Wallet pass export” added to Sprint 3.')).toBeVisible()
    await expect(items.sprintList('Sprint 3').getByRole('row', { name: 'Wallet pass export' })).toBeVisible()
    await expect(items.row('Wallet pass export')).toHaveCount(0)
    const id = await taskId(control, 'Wallet pass export')
    expect(await control.scrumTask(id)).toMatchObject({ entityId: SEED.sprints.mobilePlanned, storyPoints: '5' })
  })

  test('a regular member is not offered to start or complete a sprint, and is told why', async ({ shell, items, control }) => {
    await shell.open({ user: SEED.users.regular, ...tab(SEED.groups.mobile) })
    await expect(items.rows).toHaveCount(10)
    await expect(items.sprint('Sprint 2').getByRole('button', { name: 'Complete sprint' })).toHaveCount(0)
    await expect(items.sprint('Sprint 2')).toContainText('Only the team’s owner, its moderators and portal administrators can complete a sprint.')
    await expect(items.sprint('Sprint 3').getByRole('button', { name: 'Start sprint' })).toBeDisabled()
    expect((await control.restCalls()).flatMap((call) => call.methods)).not.toContain('tasks.api.scrum.sprint.start')
  })
})

/** What a grid's rows and header look like, measured inside the app's frame. */
async function measureLayout(page: Page) {
  const frame = page.frames().find((candidate) => candidate.name().includes('|'))!
  return frame.evaluate(() => {
    const doc = document.documentElement
    const lists = [...document.querySelectorAll<HTMLElement>('.items-list-wrap')]
    const misaligned: string[] = []
    for (const list of lists) {
      const head = list.querySelector<HTMLElement>('.items-head')
      for (const [headCell, rowCell] of [
        ['.items-head__title', '.item-row__main'],
        ['.items-head__points', '.item-row__cell--points'],
        ['.items-head__epic', '.item-row__cell--epic'],
        ['.items-head__person', '.item-row__cell--person'],
        ['.items-head__status', '.item-row__cell--status'],
      ] as const) {
        const header = head?.querySelector<HTMLElement>(headCell)
        if (!header || header.offsetParent === null) continue
        for (const row of list.querySelectorAll<HTMLElement>('.item-row')) {
          const cell = row.querySelector<HTMLElement>(rowCell)
          if (!cell || cell.offsetParent === null) continue
          const delta = Math.abs(cell.getBoundingClientRect().left - header.getBoundingClientRect().left)
          if (delta > 1) misaligned.push(`${headCell}: ${delta}px`)
        }
      }
    }
    // How many characters of the longest title fit in its cell.
    const title = [...document.querySelectorAll<HTMLElement>('.item-row__title')].sort((a, b) => b.textContent!.length - a.textContent!.length)[0]!
    const context = document.createElement('canvas').getContext('2d')!
    context.font = getComputedStyle(title).font
    const text = title.textContent!
    let fits = 0
    while (fits < text.length && context.measureText(text.slice(0, fits + 1)).width <= title.clientWidth) fits++
    return { overflow: doc.scrollWidth - doc.clientWidth, misaligned: misaligned.slice(0, 5), titleChars: fits }
  })
}

test.describe('the planning screen at any width', () => {
  test('at 800, 1,024, 1,280 and 1,600 px, and resized live from 1,600 to 800: no overflow, columns line up, titles readable', async ({
    page,
    shell,
    items,
  }) => {
    await page.setViewportSize({ width: 1600, height: 900 })
    await shell.open(tab(SEED.groups.mobile))
    await expect(items.rows).toHaveCount(10)
    for (const width of [1600, 1280, 1024, 800]) {
      await page.setViewportSize({ width, height: 900 })
      await expect.poll(async () => (await measureLayout(page)).overflow, { message: `overflow at ${width}px` }).toBeLessThanOrEqual(0)
      const layout = await measureLayout(page)
      expect(layout.misaligned, `columns at ${width}px`).toEqual([])
      if (width >= 1280) expect(layout.titleChars, `title at ${width}px`).toBeGreaterThanOrEqual(24)
    }
  })

  test('a message after an action near the top of a long backlog, and near its bottom, is in the visible part of the portal page', async ({
    page,
    shell,
    items,
    control,
  }) => {
    test.setTimeout(90_000)
    await control.reset('large')
    await page.setViewportSize({ width: 1280, height: 720 })
    await openTeamTab(shell, items, LARGE.groups.huge, '1,000 items')
    const inView = async (message: ReturnType<typeof items.toast>) => {
      const box = (await message.boundingBox())!
      const viewport = page.viewportSize()!
      return box.y >= 0 && box.y + box.height <= viewport.height
    }

    // Near the top: quick add.
    await items.typeNewTask('Triage the import errors')
    await items.addButton.click()
    const added = items.toast('“Triage the import errors” added to the backlog.')
    await expect(added).toBeVisible()
    expect(await inView(added)).toBe(true)
    await added.getByRole('button', { name: 'Close' }).click()

    // Near the bottom: the last rows of the list, the page scrolled down to them, a refused edit.
    await items.list.evaluate((list) => (list.scrollTop = list.scrollHeight))
    // The window of rows is redrawn while the list settles at its end: read the last row once it holds still.
    const last = items.rows.last()
    let title = ''
    await expect(async () => {
      await last.scrollIntoViewIfNeeded({ timeout: 1000 })
      title = await last.locator('.item-row__title').innerText({ timeout: 1000 })
    }).toPass()
    await control.fault({ method: 'tasks.api.scrum.task.update', description: 'Unable to update task' })
    await items.points(title).fill('3')
    await items.points(title).press('Enter')
    await expect(items.report).toBeVisible()
    expect(await inView(items.report)).toBe(true)
  })
})
