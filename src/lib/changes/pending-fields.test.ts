import { describe, expect, it } from 'vitest'
import { PendingFields } from './pending-fields'

interface Row {
  id: number
  points: string
  epic: number
}

const ledger = () => new PendingFields<Row>((row) => row.id)

describe('PendingFields', () => {
  it('a failed older change does not overwrite a newer one still on its way', () => {
    const pending = ledger()
    const first = pending.begin(1, 7, 'points', '5', '13')
    const second = pending.begin(1, 7, 'points', '8', '5')
    expect(pending.isNewest(1, 7, 'points', first)).toBe(false)
    // The first one fails late: the screen keeps the newest choice.
    expect(pending.settle(1, 7, 'points', first, { saved: false })).toBe('8')
    // The second one is saved: that is what the portal holds now.
    expect(pending.settle(1, 7, 'points', second, { saved: true })).toBe('8')
    expect(pending.hasPending(1, 7, 'points')).toBe(false)
  })

  it('a refused change with nothing newer puts back what the portal confirmed', () => {
    const pending = ledger()
    const first = pending.begin(1, 7, 'points', '5', '13')
    const second = pending.begin(1, 7, 'points', '8', '5')
    expect(pending.settle(1, 7, 'points', first, { saved: true })).toBe('8')
    expect(pending.settle(1, 7, 'points', second, { saved: false })).toBe('5')
  })

  it('after an unknown outcome, what the portal was found to hold is the truth', () => {
    const pending = ledger()
    const seq = pending.begin(1, 7, 'epic', 3, 0)
    expect(pending.settle(1, 7, 'epic', seq, { portalValue: 3 })).toBe(3)
  })

  it('fresh portal data keeps values still being sent on top, and remembers the rest as confirmed', () => {
    const pending = ledger()
    const seq = pending.begin(1, 7, 'points', '5', '13')
    const fresh = [
      { id: 7, points: '2', epic: 4 },
      { id: 8, points: '1', epic: 0 },
    ]
    expect(pending.overlay(1, fresh)).toEqual([
      { id: 7, points: '5', epic: 4 },
      { id: 8, points: '1', epic: 0 },
    ])
    expect(pending.confirmedView(1, [{ id: 7, points: '5', epic: 4 }])).toEqual([{ id: 7, points: '2', epic: 4 }])
    // Refused now: back to what the refetch found, not to what was shown before it.
    expect(pending.settle(1, 7, 'points', seq, { saved: false })).toBe('2')
  })

  it('keeps teams apart', () => {
    const pending = ledger()
    pending.begin(1, 7, 'points', '5', '13')
    expect(pending.overlay(2, [{ id: 7, points: '1', epic: 0 }])).toEqual([{ id: 7, points: '1', epic: 0 }])
  })
})
