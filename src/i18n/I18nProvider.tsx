import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { I18nProvider as AriaI18nProvider } from 'react-aria-components/I18nProvider'
import { createTranslator, isLanguageLoaded, loadLanguage, localeOf, type Language, type Translate } from './translate'

interface I18n {
  language: Language
  /** The language's BCP 47 locale, for Intl formats. */
  locale: string
  t: Translate
}

const I18nContext = createContext<I18n>({ language: 'en', locale: 'en', t: createTranslator('en') })

/**
 * Speaks `language` once its dictionary is here (main.tsx loads the frame's language before the
 * first render); until then, or if it cannot be fetched, the last language that is.
 */
export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const [fallback, setFallback] = useState<Language>('en')
  const spoken = isLanguageLoaded(language) ? language : fallback
  useEffect(() => {
    if (isLanguageLoaded(language)) return
    let live = true
    loadLanguage(language).then(
      () => live && setFallback(language),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [language])
  const value = useMemo(() => ({ language: spoken, locale: localeOf(spoken), t: createTranslator(spoken) }), [spoken])
  // React Aria's own words and formats (date fields, drag-and-drop announcements) follow the portal's language too.
  return (
    <I18nContext.Provider value={value}>
      <AriaI18nProvider locale={value.locale}>{children}</AriaI18nProvider>
    </I18nContext.Provider>
  )
}

export function useI18n(): I18n {
  return useContext(I18nContext)
}
