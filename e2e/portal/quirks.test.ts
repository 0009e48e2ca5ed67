import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_QUIRKS, mergeQuirks } from './quirks'
import { setupPortal } from './test-helpers'

const t = setupPortal()

beforeEach(async () => {
  await t.reset()
})

describe('mergeQuirks', () => {
  it('changes only the given switches and names what is wrong', () => {
    expect(mergeQuirks(DEFAULT_QUIRKS, { taskUpdateAutoAdd: true })).toStrictEqual({ ...DEFAULT_QUIRKS, taskUpdateAutoAdd: true })
    expect(mergeQuirks(DEFAULT_QUIRKS, {})).toStrictEqual(DEFAULT_QUIRKS)
    expect(mergeQuirks(DEFAULT_QUIRKS, { scrumMasterFilter: 'off' })).toBe('"scrumMasterFilter" must be "applied" or "ignored"')
    expect(mergeQuirks(DEFAULT_QUIRKS, { epicZeroDetaches: 'false' })).toBe('"epicZeroDetaches" must be true or false')
    expect(mergeQuirks(DEFAULT_QUIRKS, { epicZero: false })).toMatch(/^unknown quirk "epicZero"; known: epicZeroDetaches, scrumMasterFilter, taskUpdateAutoAdd$/)
  })
})

describe('/control/quirks', () => {
  it('GET answers the defaults: the documented answer where the docs are newer, the stricter one elsewhere', async () => {
    expect(await t.control('quirks')).toStrictEqual({ epicZeroDetaches: true, scrumMasterFilter: 'applied', taskUpdateAutoAdd: false })
    expect((await t.control('settings')).quirks).toStrictEqual(DEFAULT_QUIRKS)
  })

  it('POST merges a partial body and answers the whole set; /control/reset restores the defaults', async () => {
    expect(await t.control('quirks', { scrumMasterFilter: 'ignored' })).toStrictEqual({ ok: true, epicZeroDetaches: true, scrumMasterFilter: 'ignored', taskUpdateAutoAdd: false })
    expect(await t.control('quirks', { epicZeroDetaches: false, taskUpdateAutoAdd: true })).toStrictEqual({ ok: true, epicZeroDetaches: false, scrumMasterFilter: 'ignored', taskUpdateAutoAdd: true })
    expect(await t.control('quirks')).toStrictEqual({ epicZeroDetaches: false, scrumMasterFilter: 'ignored', taskUpdateAutoAdd: true })
    await t.reset()
    expect(await t.control('quirks')).toStrictEqual(DEFAULT_QUIRKS)
  })

  it('POST refuses unknown names and bad values with 400, changing nothing', async () => {
    for (const body of [{ scrumMasterFilter: 'maybe' }, { taskUpdateAutoAdd: 1 }, { taskUpdateAutoAdd: true, nope: true }]) {
      const r = await t.postJson('/control/quirks', body)
      expect(r.status).toBe(400)
      expect(r.body.error).toBe('bad_request')
      expect(typeof r.body.error_description).toBe('string')
    }
    expect(await t.control('quirks')).toStrictEqual(DEFAULT_QUIRKS)
  })
})
