import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { loadLanguage } from '@/i18n'

// The app loads a language's dictionary before it speaks it; tests speak them all.
await Promise.all([loadLanguage('ru'), loadLanguage('de')])

afterEach(() => cleanup())
