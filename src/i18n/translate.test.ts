import { describe, expect, it } from 'vitest'
import { de } from './de'
import { deLater } from './de-later'
import { en } from './en'
import { enLater } from './en-later'
import { ru } from './ru'
import { ruLater } from './ru-later'
import { createTranslator, loadLaterWords, resolveLanguage } from './translate'

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
    const english: Record<string, string> = { ...en, ...enLater }
    for (const dictionary of [{ ...ru, ...ruLater }, { ...de, ...deLater }] as Record<string, string>[]) {
      for (const key of Object.keys(english)) {
        expect(dictionary[key], key).toBeTruthy()
        if (!['home.portal', 'outside.link'].includes(key) && english[key]!.length > 12) {
          expect(dictionary[key], key).not.toBe(english[key])
        }
      }
    }
  })

  it('speaks the words of dialogs once they have arrived, in plural forms too', async () => {
    await loadLaterWords()
    expect(createTranslator('en')('backlog.delete.confirm')).toBe(enLater['backlog.delete.confirm'])
    expect(createTranslator('ru')('items.bulk.selected', { count: 3 })).toBe('Выбрано 3')
  })
})
