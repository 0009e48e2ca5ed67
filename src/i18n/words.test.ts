import { describe, expect, it } from 'vitest'
import { firstScreenFiles, isFirstScreenKey, usedOnFirstScreens } from '@/test/first-screen-words'
import { en } from './en'
import { enLater } from './en-later'

/**
 * The first screens are built with the first-screen words only; the later words arrive with code
 * loaded through `lazyComponent`. A key in the wrong part would show as English (or as the key)
 * before its words arrive, or make the first download bigger than it needs to be.
 */
describe('the two parts of the dictionaries', () => {
  const used = usedOnFirstScreens()

  it('follows the first screens through their imports', () => {
    const files = [...firstScreenFiles()].map((file) => file.replace(/.*\/src\//, ''))
    expect(files).toEqual(expect.arrayContaining(['features/planning/components/Board.tsx', 'ui/Toast.tsx', 'lib/error-message.ts']))
    // Dialogs come through lazyComponent, with the later words.
    expect(files).not.toContain('features/items/components/BulkBar.tsx')
    expect(files).not.toContain('features/backlog-settings/components/BacklogSettingsDialog.tsx')
  })

  it('has every word a first screen can show in the first part', () => {
    const misplaced = Object.keys(enLater).filter((key) => isFirstScreenKey(key, used))
    expect(misplaced, 'move these keys from the *-later.ts files to the first part').toEqual([])
  })

  it('keeps words only code loaded on demand shows out of the first part', () => {
    const unused = Object.keys(en).filter((key) => !isFirstScreenKey(key, used))
    expect(unused, 'move these keys to the *-later.ts files (or delete them)').toEqual([])
  })

  it('gives each key one place', () => {
    expect(Object.keys(en).filter((key) => key in enLater)).toEqual([])
  })
})
