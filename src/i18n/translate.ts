import { en, type Dictionary, type MessageKey, type PluralKey } from './en'

export type Language = 'en' | 'ru' | 'de'
export type { MessageKey }

/** English is built in (the reference, and the page outside a portal); the others load when spoken. */
const dictionaries: Partial<Record<Language, Dictionary>> = { en }
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Dictionary>> = {
  ru: () => import('./ru').then((module) => module.ru),
  de: () => import('./de').then((module) => module.de),
}

export function isLanguageLoaded(language: Language): boolean {
  return dictionaries[language] !== undefined
}

/** Fetch a language's dictionary once (a few kilobytes); later calls resolve at once. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en' || dictionaries[language]) return
  dictionaries[language] = await loaders[language]()
}

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
  if (!dictionary) throw new Error(`The ${language} dictionary is not loaded yet: await loadLanguage('${language}') first.`)
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
