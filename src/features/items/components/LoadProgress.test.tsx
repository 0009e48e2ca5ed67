import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { I18nProvider, type Language } from '@/i18n'
import { endLoadProgress, reportLoadProgress } from '../api/load-progress'
import { LoadProgress } from './LoadProgress'

afterEach(() => endLoadProgress(5))

let boardRenders = 0
/** Stands for the board: it must not render again on each step of the load. */
function Board({ language }: { language: Language }) {
  boardRenders++
  return (
    <I18nProvider language={language}>
      <LoadProgress groupId={5} />
    </I18nProvider>
  )
}

describe('LoadProgress', () => {
  it('shows how many of the items have loaded, as a progress bar and as text, re-rendering only itself', () => {
    boardRenders = 0
    render(<Board language="en" />)
    expect(screen.queryByRole('progressbar')).toBeNull()
    act(() => reportLoadProgress(5, { loaded: 0, total: 5000 }))
    act(() => reportLoadProgress(5, { loaded: 2350, total: 5000 }))
    const bar = screen.getByRole('progressbar', { name: 'Loading the items…' })
    expect(bar.getAttribute('aria-valuenow')).toBe('2350')
    expect(bar.getAttribute('aria-valuemax')).toBe('5000')
    expect(bar.getAttribute('aria-valuetext')).toBe('2,350 of 5,000 items')
    expect(screen.getByText('2,350 of 5,000 items')).toBeTruthy()
    expect(boardRenders).toBe(1)
    act(() => endLoadProgress(5))
    expect(screen.queryByRole('progressbar')).toBeNull()
  })

  it('speaks Russian and German, numbers in their own format', () => {
    act(() => reportLoadProgress(5, { loaded: 2350, total: 5000 }))
    const text = () => document.querySelector('.load-progress__text')?.textContent
    const { unmount } = render(<Board language="ru" />)
    // Russian groups digits with a no-break space.
    expect(text()).toBe('2\u00a0350 из 5\u00a0000 задач')
    unmount()
    render(<Board language="de" />)
    expect(text()).toBe('2.350 von 5.000 Einträgen')
  })

  it('stays away for a list that loads in a request or two', () => {
    act(() => reportLoadProgress(5, { loaded: 0, total: 40 }))
    render(<Board language="en" />)
    expect(screen.queryByRole('progressbar')).toBeNull()
  })
})
