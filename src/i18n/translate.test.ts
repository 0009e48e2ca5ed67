import { describe, expect, it } from 'vitest'
import { de } from './de'
import { en } from './en'
import { ru } from './ru'
import { createTranslator, resolveLanguage } from './translate'

describe('resolveLanguage', () => {
  it('maps Bitrix24 language codes to the dictionaries we ship', () => {
    expect(resolveLanguage('de')).toBe('de')
    expect(resolveLanguage('ru')).toBe('ru')
    expect(resolveLanguage('kz')).toBe('ru')
    expect(resolveLanguage('ua')).toBe('en')
    expect(resolveLanguage('la')).toBe('en')
    expect(resolveLanguage(null, 'de', 'ru-RU')).toBe('de')
    expect(resolveLanguage(undefined, null, 'ru-RU')).toBe('ru')
    expect(resolveLanguage()).toBe('en')
  })
})

describe('translator', () => {
  it('fills variables and picks plural forms by language', () => {
    expect(createTranslator('en')('home.scrums', { count: 1 })).toBe('You can see 1 scrum team.')
    expect(createTranslator('en')('home.scrums', { count: 3 })).toBe('You can see 3 scrum teams.')
    expect(createTranslator('ru')('home.scrums', { count: 2 })).toBe('Вам доступны 2 скрам-команды.')
    expect(createTranslator('ru')('home.scrums', { count: 5 })).toBe('Вам доступно 5 скрам-команд.')
    expect(createTranslator('de')('home.greeting', { name: 'Jörg' })).toBe('Hallo, Jörg!')
  })

  it('has every English message translated (not copied) in Russian and German', () => {
    for (const dictionary of [ru, de]) {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(dictionary[key], key).toBeTruthy()
        if (!['home.portal', 'outside.link'].includes(key) && en[key].length > 12) {
          expect(dictionary[key], key).not.toBe(en[key])
        }
      }
    }
  })
})
