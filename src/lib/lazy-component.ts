import { loadLaterWords } from '@/i18n/translate'
import { lazy, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react'

export type LazyComponent<P extends object> = LazyExoticComponent<ComponentType<P>> & { preload: () => Promise<unknown> }

/**
 * A component whose code loads when it is first rendered (a dialog, a bar shown on selection), so
 * that it is not part of the screen's first download. `preload()` fetches it ahead of need. Its
 * words (the later part of the dictionaries) come with it.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  return lazyWith(() => Promise.all([load(), loadLaterWords()]).then(([component]) => component))
}

/** A screen loaded on demand: its words are the first screens' own, already here. */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  return lazyWith(load)
}

function lazyWith<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  const module = deferredModule(load)
  return Object.assign(
    lazy(() => module.load().then((component) => ({ default: component }))),
    { preload: module.load },
  )
}

/**
 * A little after the screen is ready, when the browser is idle, fetch what its buttons open, so the
 * first dialog opens at once. Waiting keeps these downloads from competing with the screen's own
 * first requests (names, avatars) and out of its first load; nobody opens a dialog within 2 s.
 */
export function usePreloadWhenIdle(ready: boolean, components: readonly { preload: () => Promise<unknown> }[]) {
  useEffect(() => {
    if (!ready) return
    const run = () => components.forEach((component) => void component.preload().catch(() => undefined))
    let idle: number | undefined
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 5000 })
      else run()
    }, 2000)
    return () => {
      clearTimeout(timer)
      if (idle !== undefined) cancelIdleCallback(idle)
    }
    // The list is static per screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready])
}

export interface DeferredModule<M> {
  /** The module if it has arrived. */
  current: () => M | undefined
  /** Fetch it (once); later calls share the same download. */
  load: () => Promise<M>
}

/** Code that a screen can work without at first (drag and drop) and takes up when it arrives. */
export function deferredModule<M>(load: () => Promise<M>): DeferredModule<M> {
  let loaded: M | undefined
  let loading: Promise<M> | undefined
  return {
    current: () => loaded,
    load: () =>
      (loading ??= load().then(
        (module) => (loaded = module),
        (error: unknown) => {
          loading = undefined
          throw error
        },
      )),
  }
}

export interface OnDemand<C> {
  /** The component, once it was asked for and has arrived. */
  Full: C | null
  /** Asked for, still downloading. */
  opening: boolean
  /** Ask for it: at once if its code is here, else when it arrives (a failed download is let go). */
  open: () => void
  /** Fetch the code ahead of need (pointer over, focus on the button standing in for it). */
  preload: () => void
}

/**
 * A component that a light stand-in (a button) replaces with the full one when someone asks for it:
 * without Suspense, so the stand-in stays on screen, marked `opening`, while the code downloads.
 */
export function useOnDemand<C>(module: DeferredModule<{ default: C }>): OnDemand<C> {
  const [Full, setFull] = useState<C | null>(null)
  const [opening, setOpening] = useState(false)
  const open = () => {
    const loaded = module.current()
    if (loaded) return setFull(() => loaded.default)
    setOpening(true)
    module.load().then(
      (arrived) => setFull(() => arrived.default),
      () => setOpening(false),
    )
  }
  return { Full, opening, open, preload: () => void module.load().catch(() => undefined) }
}
