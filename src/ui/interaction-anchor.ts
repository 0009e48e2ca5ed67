/**
 * Where on the page the person last acted (pointer or keyboard focus), in page coordinates.
 * The portal's frame is as tall as the app and the portal page does the scrolling, so the bottom
 * of the frame may be far off screen; messages appear next to the last action instead, which is
 * where the person is looking.
 */
let lastTop = 16
let lastBottom = 16
/** The last interaction put the focus somewhere (not a click on something unfocusable). */
let focusLast = false

/** A pointer press has no height: its "element" is taken to be this tall around the point. */
const POINTER_SLACK = 12

function remember(top: number, bottom: number) {
  lastTop = Math.max(16, Math.round(top))
  lastBottom = Math.max(lastTop, Math.round(bottom))
}

if (typeof document !== 'undefined') {
  document.addEventListener(
    'pointerdown',
    (event) => {
      remember(event.pageY - POINTER_SLACK, event.pageY + POINTER_SLACK)
      focusLast = false
    },
    true,
  )
  document.addEventListener(
    'focusin',
    (event) => {
      const target = event.target
      if (target instanceof Element && target !== document.body) {
        const box = target.getBoundingClientRect()
        remember(box.top + window.scrollY, box.bottom + window.scrollY)
        focusLast = true
      }
    },
    true,
  )
}

/**
 * Where the last action happened, top and bottom in page coordinates: the focused element where it
 * is now, when the last interaction focused something (it may have moved since it took the focus:
 * a long list scrolled under it, or drew it before its scroll position was set); otherwise around
 * where the pointer went down.
 */
export function lastInteraction(): { top: number; bottom: number } {
  const active = document.activeElement
  if (focusLast && active instanceof Element && active !== document.body && active.isConnected) {
    const box = active.getBoundingClientRect()
    remember(box.top + window.scrollY, box.bottom + window.scrollY)
  }
  return { top: lastTop, bottom: lastBottom }
}

/**
 * The part of the frame the portal page shows now, in page coordinates, as far as the browser tells
 * (an intersection observer sees the frame's visible part even across origins, in steps of 1%).
 */
let visibleBottom = Number.POSITIVE_INFINITY
if (typeof document !== 'undefined' && typeof IntersectionObserver !== 'undefined') {
  const steps = Array.from({ length: 101 }, (_, step) => step / 100)
  new IntersectionObserver(
    ([entry]) => {
      if (!entry) return
      visibleBottom = entry.isIntersecting ? entry.intersectionRect.bottom + window.scrollY : Number.POSITIVE_INFINITY
    },
    { threshold: steps },
  ).observe(document.documentElement)
}

/** Room a message usually needs below the action; with less left on the page (or in view) it goes above. */
const MESSAGE_ROOM = 160

/**
 * Where a message about the last action goes: just below what was acted on, so that the changed
 * row or field stays in view; above it when the page, or the part of it in view, ends too soon below.
 */
export function messagePlace(pageHeight: number): { top: number; above: boolean } {
  const { top, bottom } = lastInteraction()
  const end = Math.min(pageHeight, visibleBottom)
  if (bottom + 8 + MESSAGE_ROOM > end && top - 8 - MESSAGE_ROOM >= 0) return { top: top - 8, above: true }
  return { top: bottom + 8, above: false }
}
