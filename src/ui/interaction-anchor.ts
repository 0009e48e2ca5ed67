/**
 * Where on the page the person last acted (pointer or keyboard focus), in page coordinates.
 * The portal's frame is as tall as the app and the portal page does the scrolling, so the bottom
 * of the frame may be far off screen; messages appear next to the last action instead, which is
 * where the person is looking.
 */
let lastTop = 16
/** The last interaction put the focus somewhere (not a click on something unfocusable). */
let focusLast = false

function remember(top: number) {
  lastTop = Math.max(16, Math.round(top))
}

if (typeof document !== 'undefined') {
  document.addEventListener(
    'pointerdown',
    (event) => {
      remember(event.pageY)
      focusLast = false
    },
    true,
  )
  document.addEventListener(
    'focusin',
    (event) => {
      const target = event.target
      if (target instanceof Element && target !== document.body) {
        remember(target.getBoundingClientRect().top + window.scrollY)
        focusLast = true
      }
    },
    true,
  )
}

/**
 * Where the focused element is now, when the last interaction focused something: it may have moved
 * since it took the focus (a long list scrolled under it, or drew it before its scroll position was
 * set). Otherwise where the last pointer went down.
 */
export function lastInteractionTop(): number {
  const active = document.activeElement
  if (focusLast && active instanceof Element && active !== document.body && active.isConnected) {
    remember(active.getBoundingClientRect().top + window.scrollY)
  }
  return lastTop
}
