import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import SimpleSelect from './SimpleSelect'

// jsdom has no CSS.escape; React Aria uses it to find elements by id (browsers all have it).
globalThis.CSS ??= { escape: (value: string) => value.replace(/[^\w-]/g, (char) => `\\${char}`) } as typeof CSS

const options = [
  { id: '0', name: 'No epic' },
  { id: '4', name: 'Payments', color: '#ff5752' },
  { id: '7', name: 'Onboarding', color: '#2fc6f6' },
]

function Picker({ hideLabel = false }: { hideLabel?: boolean }) {
  const [value, setValue] = useState('0')
  return (
    <>
      <SimpleSelect label="Epic" options={options} value={value} onChange={setValue} hideLabel={hideLabel} />
      <output>{value}</output>
    </>
  )
}

describe('SimpleSelect', () => {
  it('is a labelled button that opens a list box; choosing closes it, shows the choice and gives the focus back', async () => {
    const user = userEvent.setup()
    render(<Picker />)
    const button = screen.getByRole('button', { name: /No epic.*Epic|Epic.*No epic/ })
    expect(button.getAttribute('aria-haspopup')).toBe('listbox')

    await user.click(button)
    const list = await screen.findByRole('listbox', { name: 'Epic' })
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['No epic', 'Payments', 'Onboarding'])
    expect(screen.getByRole('option', { name: 'No epic' }).getAttribute('aria-selected')).toBe('true')
    expect(list.isConnected).toBe(true)

    await user.click(screen.getByRole('option', { name: 'Payments' }))
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull())
    expect(screen.getByRole('status').textContent).toBe('4')
    expect(button.textContent).toContain('Payments')
    await waitFor(() => expect(document.activeElement).toBe(button))
  })

  it('works from the keyboard: arrows move, Enter chooses, Escape closes without choosing', async () => {
    const user = userEvent.setup()
    render(<Picker hideLabel />)
    const button = screen.getByRole('button')
    button.focus()
    await user.keyboard('{Enter}')
    await screen.findByRole('listbox', { name: 'Epic' })
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('option', { name: 'No epic' })))
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull())
    expect(screen.getByRole('status').textContent).toBe('7')
    // The focus is back on the button (as a person sees it) before the list is opened again.
    await waitFor(() => expect(document.activeElement).toBe(button))

    await user.keyboard('{Enter}')
    await screen.findByRole('listbox')
    await user.keyboard('{ArrowUp}{Escape}')
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull())
    expect(screen.getByRole('status').textContent).toBe('7')
  })
})
