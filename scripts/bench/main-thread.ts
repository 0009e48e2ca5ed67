/**
 * What the app costs the browser's main thread, measured inside the app's frame: long tasks (over
 * 50 ms) while something happens, the frames of a fast scroll, and the CPU slowed down on purpose
 * (Chrome's throttling) the way a modest laptop is.
 */
import type { Frame, Page } from '@playwright/test'

/** The frame the app runs in (the dev portal's page is the host). */
export function appFrame(page: Page, appUrl: string): Frame {
  const frame = page.frames().find((candidate) => candidate.url().startsWith(appUrl))
  if (!frame) throw new Error(`no frame of ${appUrl}`)
  return frame
}

/**
 * Functions sent to the page are compiled by tsx, which names them with a `__name` helper the page
 * does not have: give it one (it only labels functions).
 */
async function nameHelper(frame: Frame): Promise<void> {
  await frame.evaluate('globalThis.__name ??= (target) => target')
}

/** Slow the page's CPU by `rate` (1 = off). The app's frame shares the page's process (same site). */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const session = await page.context().newCDPSession(page)
  await session.send('Emulation.setCPUThrottlingRate', { rate })
  await session.detach()
}

/** Start recording long tasks in the frame; `read()` returns their durations since then. */
export async function recordLongTasks(frame: Frame): Promise<{ read: () => Promise<number[]> }> {
  await nameHelper(frame)
  await frame.evaluate(() => {
    const target = window as unknown as { benchLongTasks?: number[]; benchObserver?: PerformanceObserver }
    target.benchObserver?.disconnect()
    target.benchLongTasks = []
    target.benchObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) target.benchLongTasks!.push(Math.round(entry.duration))
    })
    target.benchObserver.observe({ type: 'longtask' })
  })
  return {
    read: () => frame.evaluate(() => [...((window as unknown as { benchLongTasks?: number[] }).benchLongTasks ?? [])]),
  }
}

/** Let the page settle: `ms` without a new long task. */
export async function settle(frame: Frame, ms = 600): Promise<void> {
  await nameHelper(frame)
  await frame.evaluate(
    (quiet) =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(resolve, quiet)
        const observer = new PerformanceObserver(() => {
          clearTimeout(timer)
          timer = setTimeout(() => {
            observer.disconnect()
            resolve()
          }, quiet)
        })
        observer.observe({ type: 'longtask' })
      }),
    ms,
  )
}

/**
 * Scroll the first list taller than its box by `step` px per frame for `frames` frames and return
 * the frames' durations (ms); a step of 0 measures the frames of a page where nothing moves.
 */
export async function scrollFrames(frame: Frame, step: number, frames: number): Promise<number[]> {
  await nameHelper(frame)
  return frame.evaluate(
    ([px, count]) =>
      new Promise<number[]>((resolve, reject) => {
        const list = [...document.querySelectorAll<HTMLElement>('.items-list')].find((element) => element.scrollHeight > element.clientHeight + Math.max(px, 1))
        if (!list) return reject(new Error('no scrollable list'))
        const durations: number[] = []
        let last = performance.now()
        let left = count
        const step = (now: number) => {
          durations.push(now - last)
          last = now
          if (--left <= 0) return resolve(durations.slice(1))
          list.scrollTop += px
          requestAnimationFrame(step)
        }
        requestAnimationFrame((now) => {
          last = now
          list.scrollTop += px
          requestAnimationFrame(step)
        })
      }),
    [step, frames] as const,
  )
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
