import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { loadLanguage } from '@/i18n'
import { loadLaterWords } from '@/i18n/translate'

// The app loads a language's dictionary before it speaks it, and the words of dialogs with their
// code; tests render dialogs directly and speak every language.
await Promise.all([loadLanguage('ru'), loadLanguage('de')])
await loadLaterWords()

afterEach(() => cleanup())
