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
    expect(createTranslator('en')('items.count', { count: 1 })).toBe('1 item')
    expect(createTranslator('en')('items.count', { count: 3 })).toBe('3 items')
    expect(createTranslator('ru')('items.count', { count: 2 })).toBe('2 задачи')
    expect(createTranslator('ru')('items.count', { count: 5 })).toBe('5 задач')
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
