import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { callMethod, notSentError, toRestError } from '@/bitrix'
import { deferredModule } from '@/lib/lazy-component'
import { confirmCreated, createOnce, CreateUnconfirmedError, NotCreatedError } from '@/lib/changes/create-once'
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

export type QuickAddState =
  | { status: 'idle' }
  | { status: 'saving'; draft: QuickAddDraft }
  /** Nothing was created: the form keeps what was typed. */
  | { status: 'failed'; draft: QuickAddDraft; error: unknown }
  /** It may exist: nothing can be added again until a check says. */
  | { status: 'unconfirmed'; draft: QuickAddDraft; error: CreateUnconfirmedError }

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

/** How one press of Add ended; `ignored` when another add was still on its way. */
export type QuickAddResult =
  | { outcome: 'added'; item: BacklogItem; recovered: boolean }
  | { outcome: 'partial' | 'failed' | 'unconfirmed' | 'ignored' }

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
 * Quick add as one user action: a second submit while one is on its way is absorbed; a create
 * whose answer was lost is looked up before anything is offered again; a task whose second step
 * failed is finished by Retry, never created twice.
 */
export function useQuickAdd(target: QuickAddTarget) {
  const queryClient = useQueryClient()
  const [state, setState] = useState<QuickAddState>({ status: 'idle' })
  // Kept apart from the form's state: adding the next task must not make an unfinished one forgotten.
  const [unfinished, setUnfinished] = useState<UnfinishedTask[]>([])
  const busy = useRef(false)
  const startedAt = useRef(0)

  const known = useCallback(
    () => new Set((queryClient.getQueryData<BacklogItem[]>(itemKeys.byGroup(target.groupId)) ?? []).map((item) => item.taskId)),
    [queryClient, target.groupId],
  )

  const finish = useCallback(
    async (task: TaskAnswer, draft: QuickAddDraft, recovered: boolean): Promise<QuickAddResult> => {
      const taskId = Number(task.id)
      const place = itemPlace(queryClient, target)
      try {
        const scrum = await serially([`task:${taskId}`], async () =>
          (await quickAddSender.load()).finishTask(taskId, draft, place, target.responsibleId),
        )
        const item = toItem(task, scrum, target.portalOrigin)
        placeItem(queryClient, target.groupId, item)
        setUnfinished((list) => list.filter((entry) => entry.task.id !== task.id))
        return { outcome: 'added', item, recovered }
      } catch (error) {
        // The task exists: show it as the portal placed it (read again), and offer to finish it,
        // unless the portal already holds all of it (it placed the task by itself, or the lost
        // answer's change was saved).
        let missing = missingParts(draft, place)
        try {
          const scrum = await callMethod<ScrumTaskAnswer>('tasks.api.scrum.task.get', { id: taskId })
          const item = toItem(task, scrum, target.portalOrigin)
          placeItem(queryClient, target.groupId, item)
          missing = missingParts(draft, place, scrum)
          if (!missing.points && !missing.epic && !missing.place) {
            setUnfinished((list) => list.filter((entry) => entry.task.id !== task.id))
            return { outcome: 'added', item, recovered }
          }
        } catch {
          void queryClient.invalidateQueries({ queryKey: itemKeys.byGroup(target.groupId) })
        }
        const entry = { task, draft, missing, error: toRestError(error, 'tasks.api.scrum.task.update'), retrying: false }
        setUnfinished((list) => [...list.filter((other) => other.task.id !== task.id), entry])
        return { outcome: 'partial' }
      }
    },
    [queryClient, target],
  )

  const run = useCallback(
    async (job: () => Promise<QuickAddResult>): Promise<QuickAddResult> => {
      if (busy.current) return { outcome: 'ignored' }
      busy.current = true
      try {
        return await job()
      } finally {
        busy.current = false
      }
    },
    [],
  )

  const submit = useCallback(
    (draft: QuickAddDraft) =>
      run(async () => {
        setState({ status: 'saving', draft })
        startedAt.current = Date.now()
        const before = known()
        try {
          // Nothing is sent until the code that sends it is here; if it cannot come, nothing was created.
          const sender = await quickAddSender.load().catch((cause: unknown) => {
            throw new NotCreatedError(notSentError('tasks.task.add', cause))
          })
          const { created, recovered } = await createOnce({
            send: () => sender.createTask(target, draft.title),
            find: () => sender.findCreatedTask(target, draft.title, startedAt.current, before),
          })
          const result = await finish(created, draft, recovered)
          setState({ status: 'idle' })
          return result
        } catch (error) {
          if (error instanceof CreateUnconfirmedError) {
            setState({ status: 'unconfirmed', draft, error })
            return { outcome: 'unconfirmed' }
          }
          setState({ status: 'failed', draft, error: error instanceof NotCreatedError ? error.cause : error })
          return { outcome: 'failed' }
        }
      }),
    [run, known, finish, target],
  )

  /** After an unconfirmed create: look again, without creating. */
  const check = useCallback(
    () =>
      run(async () => {
        if (state.status !== 'unconfirmed') return { outcome: 'ignored' }
        const { draft, error } = state
        setState({ status: 'saving', draft })
        try {
          const task = await confirmCreated(error.cause, async () =>
            (await quickAddSender.load()).findCreatedTask(target, draft.title, startedAt.current, known()),
          )
          const result = await finish(task, draft, true)
          setState({ status: 'idle' })
          return result
        } catch (failure) {
          if (failure instanceof CreateUnconfirmedError) {
            setState({ status: 'unconfirmed', draft, error: failure })
            return { outcome: 'unconfirmed' }
          }
          setState({ status: 'failed', draft, error: failure instanceof NotCreatedError ? failure.cause : failure })
          return { outcome: 'failed' }
        }
      }),
    [run, state, target, known, finish],
  )

  /** After a partial add: send the second step again for that task (never a new create). */
  const retryFinish = useCallback(
    (entry: UnfinishedTask) => {
      if (entry.retrying) return Promise.resolve<QuickAddResult>({ outcome: 'ignored' })
      setUnfinished((list) => list.map((other) => (other.task.id === entry.task.id ? { ...other, retrying: true } : other)))
      return finish(entry.task, entry.draft, false)
    },
    [finish],
  )

  const dismiss = useCallback((entry: UnfinishedTask) => setUnfinished((list) => list.filter((other) => other.task.id !== entry.task.id)), [])

  return { state, unfinished, submit, check, retryFinish, dismiss }
}
