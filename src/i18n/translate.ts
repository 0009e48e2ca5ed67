import { de } from './de'
import { en, type Dictionary, type MessageKey, type PluralKey } from './en'
import { ru } from './ru'

export type Language = 'en' | 'ru' | 'de'
export type { MessageKey }

const dictionaries: Record<Language, Dictionary> = { en, ru, de }

/**
 * Bitrix24 language codes are not ISO (`ua`, `la`, `br`, `sc`…). We ship en, ru and de; the portals
 * whose interface is usually Russian (Kazakhstan, Belarus) get Russian, everything else English.
 */
const portalLanguageMap: Record<string, Language> = { en: 'en', ru: 'ru', kz: 'ru', by: 'ru', de: 'de' }

export function resolveLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const candidate of candidates) {
    if (!candidate) continue
    const code = candidate.toLowerCase().split(/[-_]/)[0] ?? ''
    const language = portalLanguageMap[code]
    if (language) return language
  }
  return 'en'
}

export type Vars = Record<string, string | number>
export type Translate = (key: MessageKey, vars?: Vars) => string

/** Variables are `{name}`; a `count` variable picks the plural form (`key_one`, `key_few`, …) when present. */
export function createTranslator(language: Language): Translate {
  const dictionary = dictionaries[language]
  const plural = new Intl.PluralRules(language)
  return (key, vars) => {
    let template: string = dictionary[key]
    if (vars && typeof vars.count === 'number') {
      const form = `${key}_${plural.select(vars.count)}` as PluralKey
      template = dictionary[form] ?? dictionary[`${key}_other` as PluralKey] ?? template
    }
    if (!vars) return template
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name]
      return value === undefined ? whole : typeof value === 'number' ? value.toLocaleString(language) : value
    })
  }
}
