export { I18nProvider, useI18n } from './I18nProvider'
export { createTranslator, isLanguageLoaded, loadLanguage, localeOf, resolveLanguage, type Language, type MessageKey, type Translate, type Vars } from './translate'
