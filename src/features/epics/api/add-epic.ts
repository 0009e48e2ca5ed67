import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { createOnce } from '@/lib/changes/create-once'
import { useOneAtATime } from '@/lib/changes/one-at-a-time'
import { epicKeys } from '@/lib/query-keys'
import { toEpic, type Epic } from '@/lib/epics/epic-fields'

export interface EpicInput {
  groupId: number
  name: string
  description: string
  color: string
}

export async function sendEpic(input: EpicInput): Promise<Epic> {
  return toEpic(
    await callMethod('tasks.api.scrum.epic.add', {
      fields: { groupId: input.groupId, name: input.name.trim(), description: input.description, color: input.color },
    }),
  )
}

/** Did an add whose answer was lost make the epic? An epic of this team with this exact name that the screen does not know. */
export async function findCreatedEpic(input: EpicInput, known: ReadonlySet<number>): Promise<Epic | null> {
  const rows = await callMethod<unknown[]>('tasks.api.scrum.epic.list', {
    filter: { GROUP_ID: input.groupId, NAME: input.name.trim() },
    order: { ID: 'DESC' },
  })
  return rows.map(toEpic).find((epic) => epic.name === input.name.trim() && !known.has(epic.id)) ?? null
}

/** Add an epic once: an add whose outcome is unknown is looked up before anything is said. */
export async function addEpic(input: EpicInput, known: ReadonlySet<number>): Promise<Epic> {
  if (!input.name.trim()) throw new RangeError('An epic needs a name')
  const { created } = await createOnce({ send: () => sendEpic(input), find: () => findCreatedEpic(input, known) })
  return created
}

export function useAddEpic() {
  const queryClient = useQueryClient()
  const known = (groupId: number) => new Set((queryClient.getQueryData<Epic[]>(epicKeys.byGroup(groupId)) ?? []).map((epic) => epic.id))
  return useOneAtATime(
    useMutation({
      mutationFn: (input: EpicInput) => addEpic(input, known(input.groupId)),
      onSuccess: (epic) => {
        queryClient.setQueryData<Epic[]>(epicKeys.byGroup(epic.groupId), (epics = []) =>
          epics.some((other) => other.id === epic.id) ? epics : [...epics, epic],
        )
      },
    }),
  )
}
