import { beforeEach, describe, expect, it } from 'vitest'
import { failure, SEED, setupPortal } from '../test-helpers'

const t = setupPortal({ appUrl: 'http://localhost:7101/' })
const { users } = SEED
const TAB = 'SONET_GROUP_DETAIL_TAB'
const HANDLER = 'http://localhost:7101/'
const err = (status: number, error: string, description: string) => ({ status, error, description, keys: ['error', 'error_description'] })

beforeEach(async () => {
  await t.reset()
})

describe('placement.*', () => {
  it('the installed app has its workgroup tab bound to its own page', async () => {
    const r = await t.call('placement.get')
    expect(r.status).toBe(200)
    expect(r.body.result).toStrictEqual([{ placement: TAB, handler: HANDLER, options: [], title: 'Scrum Backlog', description: '', langAll: [] }])
  })

  it('binds, refuses the same handler twice, and unbinds with a count', async () => {
    expect((await t.call('placement.unbind', { PLACEMENT: TAB, HANDLER })).body.result).toStrictEqual({ count: 1 })
    expect((await t.call('placement.get')).body.result).toStrictEqual([])
    const bound = await t.call('placement.bind', { PLACEMENT: TAB, HANDLER, TITLE: 'Backlog', LANG_ALL: { de: { TITLE: 'Backlog (de)' } } })
    expect([bound.status, bound.body.result]).toEqual([200, true])
    expect((await t.call('placement.get')).body.result[0]).toMatchObject({ title: 'Backlog', langAll: { de: { TITLE: 'Backlog (de)' } } })
    expect(failure(await t.call('placement.bind', { PLACEMENT: TAB, HANDLER }))).toEqual(err(400, 'ERROR_CORE', 'Handler already binded'))
  })

  it('errors: webhook → WRONG_AUTH_TYPE, non-admin → ACCESS_DENIED, missing argument, unknown placement', async () => {
    const hook = await t.call('placement.bind', { PLACEMENT: TAB, HANDLER }, { token: null, path: '/rest/1/devportaladminhook/placement.bind' })
    expect(failure(hook)).toEqual(
      err(403, 'WRONG_AUTH_TYPE', 'Current authorization type is denied for this method. Application context required.'),
    )
    expect(failure(await t.as(users.regular, 'placement.bind', { PLACEMENT: TAB, HANDLER }))).toEqual(
      err(403, 'ACCESS_DENIED', 'Access denied! Administrator permissions required.'),
    )
    expect(failure(await t.call('placement.bind', { HANDLER }))).toEqual(err(400, 'ERROR_ARGUMENT', "Argument 'PLACEMENT' is null or empty"))
    expect(failure(await t.call('placement.bind', { PLACEMENT: TAB }))).toEqual(err(400, 'ERROR_ARGUMENT', "Argument 'HANDLER' is null or empty"))
    expect(failure(await t.call('placement.bind', { PLACEMENT: 'NO_SUCH_PLACE', HANDLER }))).toEqual(
      err(400, 'ERROR_PLACEMENT_NOT_FOUND', 'Placement not found'),
    )
  })
})
