import { expect, test } from './fixtures'

test.describe('the app boots inside the dev portal', () => {
  test('greets the current user by name, shows the portal and sets the portal title', async ({ shell, home }) => {
    await shell.open()
    await expect(home.greeting).toHaveText('Hello, Olivia!')
    await expect(shell.appFrame.getByText(/^Portal: localhost:\d+$/)).toBeVisible()
    await expect(shell.title).toHaveText('Scrum Backlog')
    expect(await shell.frameCommands()).toContain('getInitData')
  })

  test('speaks the portal language from the frame', async ({ shell, home }) => {
    await shell.open({ lang: 'de' })
    await expect(home.greeting).toHaveText('Hallo, Olivia!')
    await expect(shell.title).toHaveText('Scrum-Backlog')
  })

  test('loads the first screen with one batch request', async ({ shell, home, control }) => {
    await shell.open()
    await expect(home.greeting).toBeVisible()
    await expect(shell.appFrame.getByText(/You can see \d+ scrum teams\./)).toBeVisible()
    const calls = await control.restCalls()
    expect(calls).toHaveLength(1)
    expect(calls[0]!.methods).toEqual(['batch', 'user.current', 'socialnetwork.api.workgroup.list'])
    expect(calls[0]!.status).toBe(200)
  })

  test('an expired token is refreshed through the parent window and the call retried', async ({ page, shell, home, control }) => {
    // The portal issues the session, then the token expires before the app uses it.
    await page.route('**/portal/session', async (route) => {
      const response = await route.fetch()
      await control.expireTokens()
      await route.fulfill({ response })
    })
    await shell.open()
    await expect(home.greeting).toHaveText('Hello, Olivia!')
    const calls = await control.restCalls()
    expect(calls.map((call) => call.status)).toEqual([401, 200])
    expect(calls.map((call) => call.methods[0])).toEqual(['batch', 'batch'])
    expect(await shell.frameCommands()).toContain('refreshAuth')
  })

  test('a 400 with a numeric error 0 reaches the screen with its real description', async ({ shell, home, control }) => {
    await control.errorCodeStyle('number')
    await control.fault({ method: 'batch', status: 400, error: 0, description: 'Portal is in maintenance mode' })
    await shell.open()
    await expect(home.alert).toContainText('The portal could not complete the request.')
    await expect(home.alert).toContainText('Details from the portal: Portal is in maintenance mode')
    await expect(home.alert).not.toContainText('Request failed')
    // Retry works once the fault is spent.
    await home.alert.getByRole('button', { name: 'Retry' }).click()
    await expect(home.greeting).toHaveText('Hello, Olivia!')
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

  test('install mode: the app finishes its installation through the portal', async ({ shell }) => {
    await shell.open({ install: true })
    await shell.appFrame.getByRole('button', { name: 'Finish installation' }).click()
    await expect(shell.appFrame.getByRole('heading', { level: 1 })).toHaveText('Hello, Olivia!')
    expect(await shell.frameCommands()).toEqual(expect.arrayContaining(['setInstall', 'setInstallFinish']))
  })
})
