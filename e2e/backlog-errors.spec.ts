import { SEED } from './portal/data/seed-default'
import { expect, test } from './fixtures'

/** Each documented error of the five backlog methods, injected by the portal, shown in the user's words. */

test.describe('documented errors of the backlog methods', () => {
  test('backlog.get', async ({ shell, control }) => {
    const cases: [string, string, RegExp | string][] = [
      ['0', 'Group id not found', 'No scrum team was chosen.'],
      ['0', 'Unknown error', 'The portal reported an unknown error.'],
      ['100', 'Could not find value for parameter {id}', 'The request lacked a required value (id).'],
    ]
    for (const [error, description, message] of cases) {
      await control.fault({ method: 'tasks.api.scrum.backlog.get', error, description })
      await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile })
      const alert = shell.appFrame.getByRole('alert')
      await expect(alert).toContainText(message)
      await expect(alert).toContainText(`Details from the portal: ${description}`)
    }
    // "Backlog not found" and "Access denied" have states of their own.
    await control.fault({ method: 'tasks.api.scrum.backlog.get', description: 'Backlog not found' })
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile })
    await expect(shell.appFrame.getByRole('heading', { name: 'This scrum team has no backlog yet' })).toBeVisible()
    await control.fault({ method: 'tasks.api.scrum.backlog.get', description: 'Access denied' })
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile })
    await expect(shell.appFrame.getByRole('heading', { name: 'You do not have access to this scrum team.' })).toBeVisible()
  })

  test('backlog.add', async ({ shell, backlog, control }) => {
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.noBacklog })
    await expect(backlog.createButton).toBeEnabled()
    const cases: [string, string][] = [
      ['Group id not found', 'No scrum team was chosen.'],
      ['Access denied', 'You do not have access to this scrum team.'],
      ['Backlog already added', 'This scrum team already has a backlog.'],
      ['createdBy user not found', 'The “created by” user does not exist on the portal.'],
      ['modifiedBy user not found', 'The “modified by” user does not exist on the portal.'],
      ['Unable to add backlog', 'The portal could not create the backlog.'],
      ['Unknown error', 'The portal reported an unknown error.'],
    ]
    for (const [description, message] of cases) {
      await control.fault({ method: 'tasks.api.scrum.backlog.add', description })
      await backlog.createButton.click()
      await expect(shell.appFrame.getByRole('alert')).toContainText(message)
      await expect(shell.appFrame.getByRole('alert')).toContainText(`Details from the portal: ${description}`)
    }
    await backlog.createButton.click()
    await backlog.openSettings()
    await expect(backlog.field('Created by')).toHaveText('Olivia Bennett')
  })

  test('backlog.update: refusals appear at the field they concern, and the form keeps what was entered', async ({
    shell,
    backlog,
    control,
  }) => {
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.alpha })
    await backlog.openSettings()
    await backlog.editButton.click()
    await backlog.changeUser('Created by').click()
    await shell.chooseUserInPortalDialog('Lena Schröder')

    const atField: [string, 'group' | 'Created by' | 'Last modified by', string][] = [
      ['It is forbidden move a backlog with items', 'group', 'A backlog that holds items cannot be moved to another team.'],
      ['The target group already has a backlog', 'group', 'The chosen team already has a backlog of its own.'],
      ['createdBy user not found', 'Created by', 'The “created by” user does not exist on the portal.'],
      ['modifiedBy user not found', 'Last modified by', 'The “modified by” user does not exist on the portal.'],
    ]
    for (const [description, field, message] of atField) {
      await control.fault({ method: 'tasks.api.scrum.backlog.update', description })
      await backlog.saveButton.click()
      const place = field === 'group' ? backlog.editDialog.locator('.ui-field').first() : backlog.userField(field)
      await expect(place).toContainText(message)
      await expect(backlog.userField('Created by')).toContainText('Lena Schröder')
    }

    const atForm: [string, string, string][] = [
      ['0', 'Backlog id not found', 'No backlog was chosen.'],
      ['0', 'Backlog not found', 'This scrum team has no backlog yet.'],
      ['0', 'Access denied', 'You do not have access to this scrum team.'],
      ['0', 'Unable to update backlog', 'The portal could not save the backlog.'],
      ['100', 'Could not find value for parameter {fields}', 'The request lacked a required value (fields).'],
      ['0', 'Unknown error', 'The portal reported an unknown error.'],
    ]
    for (const [error, description, message] of atForm) {
      await control.fault({ method: 'tasks.api.scrum.backlog.update', error, description })
      await backlog.saveButton.click()
      await expect(backlog.editDialog.getByRole('alert')).toContainText(message)
      await expect(backlog.userField('Created by')).toContainText('Lena Schröder')
    }

    await backlog.saveButton.click()
    await expect(backlog.toast('Backlog saved.')).toBeVisible()
    await backlog.openSettings()
    await expect(backlog.field('Created by')).toHaveText('Lena Schröder')
  })

  test('backlog.delete', async ({ shell, backlog, control }) => {
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.emptyBacklog })
    await backlog.openSettings()
    await backlog.deleteButton.click()
    const confirm = backlog.deleteDialog.getByRole('button', { name: 'Delete' })
    const cases: [string, string][] = [
      ['Backlog id not found', 'No backlog was chosen.'],
      ['Backlog not found', 'This scrum team has no backlog yet.'],
      ['Access denied', 'You do not have access to this scrum team.'],
      ['Backlog not deleted', 'The portal could not delete the backlog.'],
      ['Unknown error', 'The portal reported an unknown error.'],
    ]
    for (const [description, message] of cases) {
      await control.fault({ method: 'tasks.api.scrum.backlog.delete', description })
      await confirm.click()
      await expect(backlog.deleteDialog.getByRole('alert')).toContainText(message)
    }
    await control.fault({ method: 'tasks.api.scrum.backlog.delete', description: 'It is forbidden remove a backlog with items' })
    await confirm.click()
    await expect(backlog.deleteDialog.getByRole('alert')).toContainText('holds 0 items')
  })

  test('backlog.getFields failing still shows the backlog with its known fields', async ({ shell, backlog, control }) => {
    await control.fault({ method: 'tasks.api.scrum.backlog.getFields', status: 500, error: 'INTERNAL_SERVER_ERROR', description: 'Internal server error', count: -1 })
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.alpha })
    await backlog.openSettings()
    await expect(backlog.field('Created by')).toHaveText('Дмитрий Соколов')
  })

  test('in German and Russian too', async ({ shell, control }) => {
    await control.fault({ method: 'tasks.api.scrum.backlog.get', description: 'Unknown error' })
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile, lang: 'de' })
    await expect(shell.appFrame.getByRole('alert')).toContainText('Das Portal hat einen unbekannten Fehler gemeldet.')
    await control.fault({ method: 'tasks.api.scrum.backlog.get', description: 'Access denied' })
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.mobile, lang: 'ru' })
    await expect(shell.appFrame.getByRole('heading', { name: 'У вас нет доступа к этой скрам-команде.' })).toBeVisible()
  })

  test('double-clicking Save sends one request; nothing is sent twice', async ({ shell, backlog, control }) => {
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.alpha })
    await backlog.openSettings()
    await backlog.editButton.click()
    await backlog.changeUser('Created by').click()
    await shell.chooseUserInPortalDialog('Tom Becker')
    await control.latency(800)
    await backlog.saveButton.dblclick()
    await expect(backlog.toast('Backlog saved.')).toBeVisible()
    const updates = (await control.restCalls()).filter((call) => call.methods.includes('tasks.api.scrum.backlog.update'))
    expect(updates).toHaveLength(1)
  })

  test('moving the backlog to a team that already has one is stopped at the field, before any update', async ({
    shell,
    backlog,
    control,
  }) => {
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.emptyBacklog })
    await backlog.openSettings()
    await backlog.editButton.click()
    await backlog.chooseTargetGroup('Mobile App')
    await backlog.saveButton.click()
    await expect(backlog.editDialog).toContainText('The chosen team already has a backlog of its own.')
    const updates = (await control.restCalls()).filter((call) => call.methods.includes('tasks.api.scrum.backlog.update'))
    expect(updates).toHaveLength(0)
  })
})
