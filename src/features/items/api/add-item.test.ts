import { describe, expect, it } from 'vitest'
import { missingParts } from './add-item-send'

const draft = { title: 'Export to PDF', storyPoints: '3', epicId: 7 }
const backlog = { entityId: 21 }

describe('missingParts: what a half-finished quick add tells the user is missing', () => {
  it('names only what the portal does not hold', () => {
    // The portal put the task into the backlog by itself; the points and the epic did not land.
    expect(missingParts(draft, backlog, { entityId: 21, storyPoints: '', epicId: 0 })).toEqual({ points: true, epic: true, place: false })
    expect(missingParts(draft, backlog, { entityId: 21, storyPoints: '3', epicId: 0 })).toEqual({ points: false, epic: true, place: false })
    expect(missingParts(draft, { entityId: 40, sort: 9 }, { entityId: 21, storyPoints: '3', epicId: '7' })).toEqual({ points: false, epic: false, place: true })
  })

  it('asks nothing of what the user did not give', () => {
    expect(missingParts({ title: 'x', storyPoints: '', epicId: 0 }, backlog, { entityId: 21, storyPoints: '', epicId: 0 })).toEqual({
      points: false,
      epic: false,
      place: false,
    })
  })

  it('counts everything as missing when the read-back failed too', () => {
    expect(missingParts(draft, backlog)).toEqual({ points: true, epic: true, place: true })
  })
})
