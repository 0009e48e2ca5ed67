import { describe, expect, it } from 'vitest'
import { ConfigError, contentSecurityPolicy, parseOrigins, readConfig } from './config'

describe('PORTAL_ORIGINS', () => {
  it('takes one or more origins, a wildcard zone for many portals, and drops trailing slashes and repeats', () => {
    expect(parseOrigins('https://Example.bitrix24.com/, https://*.bitrix24.de http://localhost:7100,https://example.bitrix24.com')).toEqual([
      'https://example.bitrix24.com',
      'https://*.bitrix24.de',
      'http://localhost:7100',
    ])
  })

  it('refuses a missing value with a sentence saying what to set', () => {
    expect(() => parseOrigins(undefined)).toThrow(ConfigError)
    expect(() => parseOrigins(' ')).toThrow(/PORTAL_ORIGINS=https:\/\/example\.bitrix24\.com/)
  })

  it('refuses anything that is not an origin, so nothing can be smuggled into the CSP header', () => {
    for (const bad of ['example.bitrix24.com', 'https://example.bitrix24.com/app', "https://a.com;script-src 'unsafe-inline'", '*', "'self'", 'ftp://a.com', 'https://a.com:99999x']) {
      expect(() => parseOrigins(bad), bad).toThrow(ConfigError)
    }
  })
})

describe('readConfig', () => {
  it('has defaults for everything but the portal', () => {
    expect(readConfig({ PORTAL_ORIGINS: 'https://a.bitrix24.com' }, '/srv/app')).toEqual({
      distDir: '/srv/app/dist',
      host: '0.0.0.0',
      port: 8080,
      portalOrigins: ['https://a.bitrix24.com'],
    })
  })

  it('reads port, host, folder and TLS files, and refuses half a TLS pair or a bad port', () => {
    const config = readConfig(
      { PORTAL_ORIGINS: 'https://a.bitrix24.com', PORT: '9000', HOST: '127.0.0.1', DIST_DIR: 'build', TLS_CERT_FILE: 'c.pem', TLS_KEY_FILE: 'k.pem' },
      '/srv',
    )
    expect(config).toMatchObject({ port: 9000, host: '127.0.0.1', distDir: '/srv/build', tls: { certFile: '/srv/c.pem', keyFile: '/srv/k.pem' } })
    expect(() => readConfig({ PORTAL_ORIGINS: 'https://a.bitrix24.com', TLS_CERT_FILE: 'c.pem' })).toThrow(/both/)
    expect(() => readConfig({ PORTAL_ORIGINS: 'https://a.bitrix24.com', PORT: 'eighty' })).toThrow(/PORT/)
  })
})

describe('contentSecurityPolicy', () => {
  it('allows only the app itself and the portal, and nothing inline', () => {
    const csp = contentSecurityPolicy(['https://a.bitrix24.com', 'https://*.bitrix24.de'])
    expect(csp).toContain('frame-ancestors https://a.bitrix24.com https://*.bitrix24.de')
    expect(csp).toContain("connect-src 'self' https://a.bitrix24.com https://*.bitrix24.de")
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/unsafe|\*(?!\.)/)
  })
})
