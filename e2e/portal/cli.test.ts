import { describe, expect, it } from 'vitest'
import { CliError, parseCli } from './cli'

describe('parseCli', () => {
  it('--https or PORTAL_HTTPS=1 serves over TLS; plain http by default', () => {
    expect(parseCli([], {}).https).toBe(false)
    expect(parseCli(['--https'], {}).https).toBe(true)
    expect(parseCli([], { PORTAL_HTTPS: '1' }).https).toBe(true)
    expect(parseCli([], { PORTAL_HTTPS: '0' }).https).toBe(false)
  })

  it('limits are on unless switched off; flags win over the environment', () => {
    const plain = parseCli([], {})
    expect(plain.rateLimit).toBeUndefined()
    expect(plain.operating).toBeUndefined()
    const off = parseCli(['--no-rate-limit', '--no-operating-limit', '--port', '7200'], { PORTAL_PORT: '7300' })
    expect(off).toMatchObject({ rateLimit: false, operating: false, port: 7200 })
  })

  it('--big-backlog N adds a team with N backlog items (1 to 10,000)', () => {
    expect(parseCli([], {}).bigBacklog).toBeUndefined()
    expect(parseCli(['--seed', 'large', '--big-backlog', '5000'], {})).toMatchObject({ seed: 'large', bigBacklog: 5000 })
    for (const n of ['0', '10001', '2.5', 'many']) expect(() => parseCli(['--big-backlog', n], {})).toThrow(CliError)
  })

  it('refuses what it cannot run with', () => {
    expect(() => parseCli(['--seed', 'huge'], {})).toThrow(CliError)
    expect(() => parseCli(['--token-ttl', '0'], {})).toThrow('--token-ttl must be at least 1')
    expect(() => parseCli(['--port', 'x'], {})).toThrow(CliError)
    expect(() => parseCli(['--bogus'], {})).toThrow()
  })
})
