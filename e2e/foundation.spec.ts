import { SEED } from './portal/data/seed-default'
import { expect, test } from './fixtures'

test.describe('the app boots inside the dev portal', () => {
  test('greets the current user by name, shows the portal and sets the portal title', async ({ shell, app, picker }) => {
    await shell.open()
    await expect(app.greeting).toHaveText(/^Hello, Olivia! Portal: localhost:\d+$/)
    await picker.expectLoaded()
    await expect(shell.title).toHaveText('Scrum Backlog')
    expect(await shell.frameCommands()).toContain('getInitData')
  })

  test('speaks the portal language from the frame', async ({ shell, app }) => {
    await shell.open({ lang: 'de' })
    await expect(app.greeting).toHaveText(/^Hallo, Olivia!/)
    await expect(shell.title).toHaveText('Scrum-Backlog')
    await expect(shell.appFrame.getByRole('heading', { name: 'Scrum-Teams' })).toBeVisible()
  })

  test('a batch round-trip: the first request asks who is here and for the scrum teams at once', async ({
    shell,
    picker,
    control,
  }) => {
    await shell.open()
    await picker.expectLoaded()
    const [first] = await control.restCalls()
    expect(first!.methods).toEqual(['batch', 'user.current', 'socialnetwork.api.workgroup.list'])
    expect(first!.status).toBe(200)
  })

  test('an expired token is refreshed through the parent window and the call retried', async ({
    page,
    shell,
    app,
    control,
  }) => {
    // The portal issues the session, then the token expires before the app first uses it.
    await page.route('**/portal/session', async (route) => {
      const response = await route.fetch()
      await control.expireTokens()
      await route.fulfill({ response })
    })
    await shell.open()
    await expect(app.greeting).toHaveText(/^Hello, Olivia!/)
    const calls = await control.restCalls()
    expect(calls.slice(0, 2).map((call) => [call.methods[0], call.status])).toEqual([
      ['batch', 401],
      ['batch', 200],
    ])
    expect(calls.slice(1).every((call) => call.status === 200)).toBe(true)
    expect(await shell.frameCommands()).toContain('refreshAuth')
  })

  test('a 400 with a numeric error 0 reaches the screen with its real description', async ({ shell, app, picker, control }) => {
    await control.errorCodeStyle('number')
    await control.fault({ method: 'batch', status: 400, error: 0, description: 'Portal is in maintenance mode' })
    await shell.open()
    await expect(app.alert).toContainText('The portal could not complete the request.')
    await expect(app.alert).toContainText('Details from the portal: Portal is in maintenance mode')
    await expect(app.alert).not.toContainText('Request failed')
    // Retry works once the fault is spent.
    await app.alert.getByRole('button', { name: 'Retry' }).click()
    await picker.expectLoaded()
  })

  test('opened directly, outside a portal, it explains how to open it', async ({ page, portalServer }) => {
    await page.goto(portalServer.appUrl)
    await expect(page.getByRole('heading', { name: 'Open Scrum Backlog from your Bitrix24' })).toBeVisible()
    await expect(page.getByText('Go to Applications and open')).toBeVisible()
  })

  test('opened directly with LANG=ru, it explains in Russian', async ({ page, portalServer }) => {
    await page.goto(`${portalServer.appUrl}?LANG=ru`)
    await expect(page.getByRole('heading', { name: 'Откройте «Скрам-бэклог» из вашего Битрикс24' })).toBeVisible()
  })

  test('install mode: the app binds its workgroup tab, then finishes its installation', async ({ shell, picker, control, backlog }) => {
    await shell.open({ install: true })
    await shell.appFrame.getByRole('button', { name: 'Finish installation' }).click()
    await picker.expectLoaded()
    expect(await shell.frameCommands()).toEqual(expect.arrayContaining(['setInstall', 'setInstallFinish']))
    const install = (await control.restCalls()).find((call) => call.methods.includes('placement.bind'))
    expect(install?.methods).toEqual(['batch', 'placement.unbind', 'placement.bind'])
    expect(install?.status).toBe(200)

    // The tab it bound opens the app on that workgroup.
    await shell.open({ placement: 'SONET_GROUP_DETAIL_TAB', groupId: SEED.groups.alpha })
    await expect(shell.page.getByLabel('Placement')).toContainText('Workgroup tab “Scrum Backlog”')
    await expect(backlog.title).toHaveText('Команда «Альфа»')
  })
})
