/**
 * React Query's `signal`, taken up a moment after the query starts. Reading `signal` tells React
 * Query to cancel the fetch as soon as nobody watches the query; StrictMode's mount, unmount and
 * mount again in development would then cancel every first load and send it twice. Taken after
 * that instant, the signal still stops a loader whose screen is really gone.
 */
export function lateSignal(context: { readonly signal: AbortSignal }): AbortSignal {
  const controller = new AbortController()
  setTimeout(() => {
    const signal = context.signal
    if (signal.aborted) controller.abort(signal.reason)
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true })
  }, 0)
  return controller.signal
}
