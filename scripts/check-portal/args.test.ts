import { describe, expect, it } from 'vitest'
import { parseOptions, UsageError, webhookProblem } from './args'

const SECRET = 'q1w2e3r4t5y6u7i8'
const HOOK = `https://acme.bitrix24.com/rest/7/${SECRET}/`

/** The UsageError's message, which must never quote the secret. */
function usage(argv: string[], env: Record<string, string>): string {
  try {
    parseOptions(argv, env)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    const message = (error as Error).message
    expect(message).not.toContain(SECRET)
    return message
  }
  throw new Error('expected a usage error')
}

describe('parseOptions', () => {
  it('without B24_WEBHOOK targets the dev portal, with writes always on', () => {
    expect(parseOptions([], {})).toEqual({ write: true, json: undefined })
    expect(parseOptions([], { B24_WRITE: '0', B24_WEBHOOK: '  ' })).toEqual({ write: true, json: undefined })
  })

  it('takes a real portal from B24_WEBHOOK, read-only unless B24_WRITE=1', () => {
    expect(parseOptions([], { B24_WEBHOOK: HOOK })).toEqual({ webhook: HOOK, write: false, json: undefined })
    expect(parseOptions([], { B24_WEBHOOK: HOOK, B24_WRITE: '1' })).toMatchObject({ write: true })
    expect(parseOptions([], { B24_WEBHOOK: HOOK, B24_WRITE: '0' })).toMatchObject({ write: false })
    expect(usage([], { B24_WEBHOOK: HOOK, B24_WRITE: 'yes' })).toMatch(/B24_WRITE must be 1/)
  })

  it('adds the trailing slash the method names are appended to', () => {
    expect(parseOptions([], { B24_WEBHOOK: HOOK.slice(0, -1) }).webhook).toBe(HOOK)
  })

  it('refuses a webhook that is not https', () => {
    expect(usage([], { B24_WEBHOOK: HOOK.replace('https:', 'http:') })).toMatch(/must use https/)
    expect(webhookProblem(HOOK.replace('https:', 'ftp:'))).toMatch(/must use https/)
  })

  it('refuses a path other than /rest/<user id>/<secret>/', () => {
    for (const bad of [
      'https://acme.bitrix24.com/',
      `https://acme.bitrix24.com/rest/${SECRET}/`,
      `https://acme.bitrix24.com/rest/0/${SECRET}/`,
      `https://acme.bitrix24.com/rest/x7/${SECRET}/`,
      `https://acme.bitrix24.com/rest/7/${SECRET}/user.current`,
      `https://acme.bitrix24.com/api/7/${SECRET}/`,
    ]) {
      expect(usage([], { B24_WEBHOOK: bad }), bad).toMatch(/path \/rest\/<user id>\/<secret>\//)
    }
  })

  it('refuses query strings, credentials, non-URLs and too short secrets', () => {
    expect(usage([], { B24_WEBHOOK: `${HOOK}?auth=x` })).toMatch(/query/)
    expect(usage([], { B24_WEBHOOK: HOOK.replace('https://', 'https://me:pw@') })).toMatch(/user name or password/)
    expect(usage([], { B24_WEBHOOK: SECRET })).toMatch(/not a URL/)
    expect(usage([], { B24_WEBHOOK: 'https://acme.bitrix24.com/rest/7/ab/' })).toMatch(/too short/)
  })

  it('reads --json <file> and --json=<file>', () => {
    expect(parseOptions(['--json', 'out.json'], {}).json).toBe('out.json')
    expect(parseOptions(['--json=r.json'], {}).json).toBe('r.json')
    expect(usage(['--json'], {})).toMatch(/--json needs a file name/)
    expect(usage(['--json', '--other'], {})).toMatch(/--json needs a file name/)
  })

  it('refuses unknown arguments and prints usage for --help', () => {
    expect(usage(['--write'], {})).toMatch(/Unknown argument --write/)
    expect(usage(['--help'], {})).toMatch(/^Usage: npm run check:portal/)
  })
})
