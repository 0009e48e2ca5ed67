import { describe, expect, it } from 'vitest'
import { Masker, webhookParts } from './mask'

describe('masking the webhook secret', () => {
  it('splits a webhook URL into portal, user and secret', () => {
    expect(webhookParts('https://acme.bitrix24.com/rest/7/abc123xyz/')).toEqual({ origin: 'https://acme.bitrix24.com', userId: '7', secret: 'abc123xyz' })
    expect(webhookParts('https://acme.bitrix24.com/rest/7/abc123xyz')).toMatchObject({ secret: 'abc123xyz' })
    expect(webhookParts('https://acme.bitrix24.com/rest/abc/')).toBeUndefined()
    expect(webhookParts('not a url')).toBeUndefined()
  })

  it('replaces every occurrence of a known secret, also URL-encoded and outside any URL', () => {
    const m = new Masker()
    m.add('s3cr3t+key')
    expect(m.mask('https://p.example/rest/1/s3cr3t+key/user.current failed')).toBe('https://p.example/rest/1/****/user.current failed')
    expect(m.mask('{"hook":"s3cr3t%2Bkey","again":"s3cr3t+key"}')).toBe('{"hook":"****","again":"****"}')
  })

  it('masks the secret part of any /rest/<user>/<secret>/ path, even one it was not told about', () => {
    const m = new Masker()
    expect(m.mask('fetch failed for http://localhost:7100/rest/1/devportaladminhook/batch')).toBe('fetch failed for http://localhost:7100/rest/1/****/batch')
    expect(m.mask('rows at /rest/api/v1/ and 42/7')).toBe('rows at /rest/api/v1/ and 42/7')
  })

  it('replaces a secret that contains another one whole', () => {
    const m = new Masker()
    m.add('abcd')
    m.add('abcdefgh')
    expect(m.mask('x abcdefgh y abcd')).toBe('x **** y ****')
  })

  it('refuses secrets too short to mask without garbling the output', () => {
    expect(() => new Masker().add('ab1')).toThrow(/shorter than 4/)
  })
})
