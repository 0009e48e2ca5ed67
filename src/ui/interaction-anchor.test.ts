import { describe, expect, it } from 'vitest'
import { lastInteractionTop } from './interaction-anchor'

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
    expect(lastInteractionTop()).toBe(1_010)
    input.remove()
  })

  it('where the pointer went down when the click focused nothing', () => {
    const input = document.createElement('input')
    document.body.append(input)
    placedAt(input, () => 300)
    input.focus()
    document.dispatchEvent(Object.assign(new Event('pointerdown'), { pageY: 640 }))
    expect(lastInteractionTop()).toBe(640)
    input.remove()
  })
})
