import { describe, expect, it } from 'vitest'
import { handOverFailure, throwHandedOver } from './handover'

describe('handing a failure over to a query', () => {
  it('is thrown by the first run of that query only', () => {
    const failure = new Error('Backlog not found')
    handOverFailure(['backlog', 1], failure)
    expect(() => throwHandedOver(['backlog', 2])).not.toThrow()
    expect(() => throwHandedOver(['backlog', 1])).toThrow(failure)
    expect(() => throwHandedOver(['backlog', 1])).not.toThrow()
  })
})
