import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { callMethod, notSentError, toRestError } from '@/bitrix'
import { deferredModule } from '@/lib/lazy-component'
import { confirmCreated, createOnce, CreateUnconfirmedError, NotCreatedError } from '@/lib/changes/create-once'
import { AddQueue, type Attempt, type QueuedAdd } from './add-queue'
import { serially } from '@/lib/changes/serial'
import { itemKeys } from '@/lib/query-keys'
import { toItem, type BacklogItem, type ScrumTaskAnswer, type TaskAnswer } from '@/lib/items/item-fields'

/** Quick add's requests (add-item-send.ts): fetched when the board is idle, or with the first add. */
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

function itemPlace(queryClient: QueryClient, target: QuickAddTarget): ItemPlace {
  const { groupId, entityId } = target
  if (entityId === target.backlogId) return { entityId }
  const items = queryClient.getQueryData<BacklogItem[]>(itemKeys.byGroup(groupId)) ?? []
  return { entityId, sort: Math.max(0, ...items.filter((item) => item.entityId === entityId).map((item) => item.sort)) + 1 }
}

export function missingParts(draft: QuickAddDraft, place: ItemPlace, scrum?: ScrumTaskAnswer): MissingParts {
  return {
    points: Boolean(draft.storyPoints) && scrum?.storyPoints !== draft.storyPoints,
    epic: draft.epicId > 0 && Number(scrum?.epicId) !== draft.epicId,
    place: scrum === undefined || Number(scrum.entityId) !== place.entityId,
  }
}

function placeItem(queryClient: QueryClient, groupId: number, item: BacklogItem) {
  queryClient.setQueryData<BacklogItem[]>(itemKeys.byGroup(groupId), (items = []) =>
    items.some((existing) => existing.taskId === item.taskId)
      ? items.map((existing) => (existing.taskId === item.taskId ? item : existing))
      : [...items, item],
  )
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
  const startedAt = useRef(new Map<number, number>())

  const known = useCallback(
    () => new Set((queryClient.getQueryData<BacklogItem[]>(itemKeys.byGroup(latest.current.target.groupId)) ?? []).map((item) => item.taskId)),
    [queryClient],
  )

  /** The task exists: its points, epic and place; the item as the portal holds it, or what is missing. */
  const finish = useCallback(
    async (task: TaskAnswer, draft: QuickAddDraft): Promise<void> => {
      const { target } = latest.current
      const taskId = Number(task.id)
      const place = itemPlace(queryClient, target)
      const added = (item: BacklogItem) => {
        placeItem(queryClient, target.groupId, item)
        setUnfinished((list) => list.filter((entry) => entry.task.id !== task.id))
        latest.current.onAdded(draft, item)
      }
      try {
        const scrum = await serially([`task:${taskId}`], async () =>
          (await quickAddSender.load()).finishTask(taskId, draft, place, target.responsibleId),
        )
        return added(toItem(task, scrum, target.portalOrigin))
      } catch (error) {
        // The task exists: show it as the portal placed it (read again), and offer to finish it,
        // unless the portal already holds all of it (it placed the task by itself, or the lost
        // answer's change was saved).
        let missing = missingParts(draft, place)
        try {
          const scrum = await callMethod<ScrumTaskAnswer>('tasks.api.scrum.task.get', { id: taskId })
          const item = toItem(task, scrum, target.portalOrigin)
          missing = missingParts(draft, place, scrum)
          if (!missing.points && !missing.epic && !missing.place) return added(item)
          placeItem(queryClient, target.groupId, item)
        } catch {
          void queryClient.invalidateQueries({ queryKey: itemKeys.byGroup(target.groupId) })
        }
        const entry = { task, draft, missing, error: toRestError(error, 'tasks.api.scrum.task.update'), retrying: false }
        setUnfinished((list) => [...list.filter((other) => other.task.id !== task.id), entry])
      }
    },
    [queryClient],
  )

  const work = useCallback(
    async (entry: QueuedAdd<QuickAddDraft>, mode: 'create' | 'check'): Promise<Attempt> => {
      const { target } = latest.current
      const { draft } = entry
      try {
        let task: TaskAnswer
        if (mode === 'check') {
          const error = entry.error as CreateUnconfirmedError
          task = await confirmCreated(error.cause, async () =>
            (await quickAddSender.load()).findCreatedTask(target, draft.title, startedAt.current.get(entry.key) ?? Date.now(), known()),
          )
        } else {
          const before = known()
          startedAt.current.set(entry.key, Date.now())
          // Nothing is sent until the code that sends it is here; if it cannot come, nothing was created.
          const sender = await quickAddSender.load().catch((cause: unknown) => {
            throw new NotCreatedError(notSentError('tasks.task.add', cause))
          })
          task = (
            await createOnce({
              send: () => sender.createTask(target, draft.title),
              find: () => sender.findCreatedTask(target, draft.title, startedAt.current.get(entry.key)!, before),
            })
          ).created
        }
        await finish(task, draft)
        startedAt.current.delete(entry.key)
        return { ok: true }
      } catch (error) {
        if (error instanceof CreateUnconfirmedError) return { ok: false, status: 'unconfirmed', error }
        return { ok: false, status: 'failed', error: error instanceof NotCreatedError ? error.cause : error }
      }
    },
    [known, finish],
  )
  const [addQueue] = useState(() => new AddQueue<QuickAddDraft>(setQueue))
  useLayoutEffect(() => addQueue.workWith(work), [addQueue, work])

  const submit = useCallback((draft: QuickAddDraft) => addQueue.add(draft), [addQueue])

  /** After a partial add: send the second step again for that task (never a new create). */
  const retryFinish = useCallback(
    (entry: UnfinishedTask) => {
      if (entry.retrying) return Promise.resolve()
      setUnfinished((list) => list.map((other) => (other.task.id === entry.task.id ? { ...other, retrying: true } : other)))
      return finish(entry.task, entry.draft)
    },
    [finish],
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
