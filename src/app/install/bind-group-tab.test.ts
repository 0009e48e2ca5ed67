import { describe, expect, it } from 'vitest'
import { ownHandlerUrl } from './bind-group-tab'

describe('ownHandlerUrl', () => {
  it('is the page the portal opened, without its query', () => {
    expect(ownHandlerUrl({ origin: 'https://apps.example.com', pathname: '/scrum/' })).toBe('https://apps.example.com/scrum/')
    expect(ownHandlerUrl({ origin: 'https://apps.example.com', pathname: '/scrum/index.html' })).toBe('https://apps.example.com/scrum/index.html')
  })

  it('binds the app page, not the install page, when a static package is being installed', () => {
    expect(ownHandlerUrl({ origin: 'https://portal.bitrix24.com', pathname: '/upload/rest/app/7/install.html' })).toBe(
      'https://portal.bitrix24.com/upload/rest/app/7/index.html',
    )
  })
})
