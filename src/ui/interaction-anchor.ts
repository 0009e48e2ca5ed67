/**
 * Where on the page the person last acted (pointer or keyboard focus), in page coordinates.
 * The portal's frame is as tall as the app and the portal page does the scrolling, so the bottom
 * of the frame may be far off screen; messages appear next to the last action instead, which is
 * where the person is looking.
 */
let lastTop = 16

function remember(top: number) {
  lastTop = Math.max(16, Math.round(top))
}

if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', (event) => remember(event.pageY), true)
  document.addEventListener(
    'focusin',
    (event) => {
      const target = event.target
      if (target instanceof Element && target !== document.body) remember(target.getBoundingClientRect().top + window.scrollY)
    },
    true,
  )
}

export function lastInteractionTop(): number {
  return lastTop
}
