import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { I18nProvider as AriaI18nProvider } from 'react-aria-components'
import { createTranslator, type Language, type Translate } from './translate'

interface I18n {
  language: Language
  t: Translate
}

const I18nContext = createContext<I18n>({ language: 'en', t: createTranslator('en') })

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: createTranslator(language) }), [language])
  // React Aria's own words and formats (date fields, drag-and-drop announcements) follow the portal's language too.
  return (
    <I18nContext.Provider value={value}>
      <AriaI18nProvider locale={language}>{children}</AriaI18nProvider>
    </I18nContext.Provider>
  )
}

export function useI18n(): I18n {
  return useContext(I18nContext)
}
