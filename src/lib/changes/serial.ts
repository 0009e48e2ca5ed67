/**
 * Changes to one thing go to the portal one after another. Each job names the things it touches
 * (`task:12`, `order:41`…); it starts when every earlier job on any of them has finished, so two
 * edits of one item never race and the later one always lands last. A job only ever waits for
 * jobs queued before it, so nothing can wait in a circle.
 */
const tails = new Map<string, Promise<unknown>>()

export function serially<T>(keys: readonly string[], job: () => Promise<T>): Promise<T> {
  const unique = [...new Set(keys)]
  const before = unique.map((key) => tails.get(key)).filter((tail): tail is Promise<unknown> => tail !== undefined)
  const run = Promise.allSettled(before).then(job)
  const done = run.then(
    () => undefined,
    () => undefined,
  )
  for (const key of unique) tails.set(key, done)
  void done.then(() => {
    for (const key of unique) if (tails.get(key) === done) tails.delete(key)
  })
  return run
}
