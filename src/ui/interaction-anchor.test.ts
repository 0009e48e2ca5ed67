import { describe, expect, it } from 'vitest'
import { lastInteraction, messagePlace } from './interaction-anchor'

function placedAt(element: HTMLElement, top: () => number) {
  element.getBoundingClientRect = () => ({ top: top(), bottom: top() + 20, left: 0, right: 0, width: 0, height: 20, x: 0, y: top(), toJSON: () => ({}) })
}

describe('where a message appears', () => {
  it('next to the focused field where it is now, even when it moved after taking the focus', () => {
    const input = document.createElement('input')
    document.body.append(input)
    let top = 52_000
    placedAt(input, () => top)
    input.focus()
    // The long list scrolls its row into view after the focus went there.
    top = 1_010
    expect(lastInteraction().top).toBe(1_010)
    input.remove()
  })

  it('where the pointer went down when the click focused nothing', () => {
    const input = document.createElement('input')
    document.body.append(input)
    placedAt(input, () => 300)
    input.focus()
    document.dispatchEvent(Object.assign(new Event('pointerdown'), { pageY: 640 }))
    expect(lastInteraction()).toEqual({ top: 628, bottom: 652 })
    input.remove()
  })

  it('below the row acted on, so that the row stays in view; above it when the page ends too soon below', () => {
    const row = document.createElement('div')
    row.tabIndex = -1
    document.body.append(row)
    placedAt(row, () => 400)
    row.focus()
    expect(lastInteraction()).toEqual({ top: 400, bottom: 420 })
    expect(messagePlace(3_000)).toEqual({ top: 428, above: false })
    // The last row of the page: the message goes above it.
    expect(messagePlace(500)).toEqual({ top: 392, above: true })
    row.remove()
  })
})
