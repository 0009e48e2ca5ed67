import { en, type Dictionary, type LaterWords, type MessageKey, type PluralKey } from './en'

export type Language = 'en' | 'ru' | 'de'
export type { MessageKey }

/**
 * English first-screen words are built in (the reference, and the page outside a portal); the other
 * languages load when spoken. Each language's later words (see en.ts) arrive with the first code
 * that loads on demand through `lazyComponent`, and are added to the same dictionary.
 */
const dictionaries: Partial<Record<Language, Partial<Dictionary>>> = { en: { ...en } }
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Partial<Dictionary>>> = {
  ru: () => import('./ru').then((module) => module.ru),
  de: () => import('./de').then((module) => module.de),
}
const laterLoaders: Record<Language, () => Promise<LaterWords>> = {
  en: () => import('./en-later').then((module) => module.enLater),
  ru: () => import('./ru-later').then((module) => module.ruLater),
  de: () => import('./de-later').then((module) => module.deLater),
}
const laterLoading = new Map<Language, Promise<void>>()
let laterWanted = false

export function isLanguageLoaded(language: Language): boolean {
  return dictionaries[language] !== undefined
}

/** Fetch a language's dictionary once (a few kilobytes); later calls resolve at once. */
export async function loadLanguage(language: Language): Promise<void> {
  if (!dictionaries[language]) dictionaries[language] = { ...(await loaders[language as Exclude<Language, 'en'>]()) }
  if (laterWanted) await loadLaterWordsOf(language)
}

function loadLaterWordsOf(language: Language): Promise<void> {
  let loading = laterLoading.get(language)
  if (!loading) {
    loading = laterLoaders[language]().then(
      (words) => void Object.assign(dictionaries[language]!, words),
      (error: unknown) => {
        laterLoading.delete(language)
        throw error
      },
    )
    laterLoading.set(language, loading)
  }
  return loading
}

/** The words of dialogs and other code loaded on demand, in every language loaded so far (and any loaded later). */
export async function loadLaterWords(): Promise<void> {
  laterWanted = true
  await Promise.all((Object.keys(dictionaries) as Language[]).map(loadLaterWordsOf))
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

/** The BCP 47 locale of each language, for Intl (plural rules, numbers, dates) and `<html lang>`. */
const locales: Record<Language, string> = { en: 'en', ru: 'ru', de: 'de' }

export function localeOf(language: Language): string {
  return locales[language]
}

export type Vars = Record<string, string | number>
export type Translate = (key: MessageKey, vars?: Vars) => string

/** Variables are `{name}`; a `count` variable picks the plural form (`key_one`, `key_few`, …) when present. */
export function createTranslator(language: Language): Translate {
  const dictionary = dictionaries[language]
  if (!dictionary) throw new Error(`The ${language} dictionary is not loaded yet: await loadLanguage('${language}') first.`)
  const locale = localeOf(language)
  const plural = new Intl.PluralRules(locale)
  return (key, vars) => {
    // A later word asked for before it arrived (the words test keeps this from happening): English, or the key.
    let template: string = dictionary[key] ?? dictionaries.en?.[key] ?? key
    if (vars && typeof vars.count === 'number') {
      const form = `${key}_${plural.select(vars.count)}` as PluralKey
      template = dictionary[form] ?? dictionary[`${key}_other` as PluralKey] ?? template
    }
    if (!vars) return template
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name]
      return value === undefined ? whole : typeof value === 'number' ? value.toLocaleString(locale) : value
    })
  }
}
