import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { notSentError } from '@/bitrix'
import { deferredModule } from '@/lib/lazy-component'
import { AddQueue, type Attempt, type QueuedAdd } from './add-queue'
import type { BacklogItem, TaskAnswer } from '@/lib/items/item-fields'

/** Quick add's requests and their handling (add-item-send.ts): fetched when the board is idle, or with the first add. */
export const quickAddSender = deferredModule(() => import('./add-item-send'))

export interface QuickAddDraft {
  title: string
  storyPoints: string
  epicId: number
}

export interface QuickAddTarget {
  groupId: number
  backlogId: number
  /** Where the task goes: the backlog, or a sprint (the portal puts it into the backlog first). */
  entityId: number
  portalOrigin: string
  responsibleId: number
}

/** Where the new item goes: the backlog, or the end of a sprint (past the last item the screen knows there). */
export interface ItemPlace {
  entityId: number
  sort?: number
}

/** What of a quick add the portal does not hold (as read back; all of it when that read failed). */
export interface MissingParts {
  points: boolean
  epic: boolean
  place: boolean
}

/** A task that exists, but whose points, epic or place were not saved: Retry finishes it. */
export interface UnfinishedTask {
  task: TaskAnswer
  draft: QuickAddDraft
  missing: MissingParts
  error: unknown
  retrying: boolean
}

/**
 * Quick add as a queue (add-queue.ts): every title given is created once, in the order given, one
 * after another; a create whose answer was lost is looked up before anything is offered again; a
 * task whose second step failed is finished by Retry, never created twice.
 */
export function useQuickAdd(target: QuickAddTarget, onAdded: (draft: QuickAddDraft, item: BacklogItem) => void) {
  const queryClient = useQueryClient()
  const [queue, setQueue] = useState<readonly QueuedAdd<QuickAddDraft>[]>([])
  // Kept apart from the queue: adding the next task must not make an unfinished one forgotten.
  const [unfinished, setUnfinished] = useState<UnfinishedTask[]>([])
  // The queue outlives a render (and the form: a sprint's form closed while titles wait still adds them).
  const latest = useRef({ target, onAdded })
  useLayoutEffect(() => {
    latest.current = { target, onAdded }
  })
  const [startedAt] = useState(() => new Map<number, number>())

  const context = useCallback(
    (): AddContext => ({
      target: latest.current.target,
      queryClient,
      startedAt,
      added: (draft, item) => {
        setUnfinished((list) => list.filter((entry) => entry.task.id !== String(item.taskId)))
        latest.current.onAdded(draft, item)
      },
      unfinished: (entry) => setUnfinished((list) => [...list.filter((other) => other.task.id !== entry.task.id), entry]),
    }),
    [queryClient, startedAt],
  )

  // The requests come with the code that sends them; if it cannot come, nothing was created.
  const work = useCallback(
    (entry: QueuedAdd<QuickAddDraft>, mode: 'create' | 'check'): Promise<Attempt> =>
      quickAddSender.load().then(
        (sender) => sender.runAdd(context(), entry, mode),
        (cause: unknown): Attempt =>
          mode === 'check'
            ? { ok: false, status: 'unconfirmed', error: entry.error }
            : { ok: false, status: 'failed', error: notSentError('tasks.task.add', cause) },
      ),
    [context],
  )
  const [addQueue] = useState(() => new AddQueue<QuickAddDraft>(setQueue))
  useLayoutEffect(() => addQueue.workWith(work), [addQueue, work])

  const submit = useCallback((draft: QuickAddDraft) => addQueue.add(draft), [addQueue])

  /** After a partial add: send the second step again for that task (never a new create). */
  const retryFinish = useCallback(
    (entry: UnfinishedTask) => {
      if (entry.retrying) return Promise.resolve()
      const mark = (retrying: boolean) => setUnfinished((list) => list.map((other) => (other.task.id === entry.task.id ? { ...other, retrying } : other)))
      mark(true)
      return quickAddSender.load().then(
        (sender) => sender.finishAdd(context(), entry.task, entry.draft),
        () => mark(false),
      )
    },
    [context],
  )

  const dismiss = useCallback((entry: UnfinishedTask) => setUnfinished((list) => list.filter((other) => other.task.id !== entry.task.id)), [])

  return {
    queue,
    unfinished,
    submit,
    retry: (key: number) => addQueue.retry(key),
    check: (key: number) => addQueue.check(key),
    remove: (key: number) => addQueue.remove(key),
    retryFinish,
    dismiss,
  }
}

/** What a quick add's run needs of the screen (see add-item-send.ts). */
export interface AddContext {
  target: QuickAddTarget
  queryClient: QueryClient
  /** When each title's create was sent, for the look-up after a lost answer. */
  startedAt: Map<number, number>
  /** The task is on the portal as asked. */
  added: (draft: QuickAddDraft, item: BacklogItem) => void
  /** The task exists, but part of it was not saved. */
  unfinished: (entry: UnfinishedTask) => void
}
