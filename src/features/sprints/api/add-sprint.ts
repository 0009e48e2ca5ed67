import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callMethod } from '@/bitrix'
import { createOnce } from '@/lib/changes/create-once'
import { useOneAtATime } from '@/lib/changes/one-at-a-time'
import { sprintKeys } from '@/lib/query-keys'
import { toSprint, type Sprint } from '@/lib/sprints/sprint-fields'

export interface SprintInput {
  groupId: number
  name: string
  /** ISO 8601 dates. */
  dateStart: string
  dateEnd: string
  createdBy: number
  sort: number
}

/** Did an add whose answer was lost make the sprint? A sprint of this team with this name the screen does not know. */
export async function findCreatedSprint(input: SprintInput, known: ReadonlySet<number>): Promise<Sprint | null> {
  const rows = await callMethod<unknown[]>('tasks.api.scrum.sprint.list', {
    filter: { GROUP_ID: input.groupId, NAME: input.name.trim() },
    order: { ID: 'DESC' },
  })
  return rows.map(toSprint).find((sprint) => sprint.name === input.name.trim() && !known.has(sprint.id)) ?? null
}

/** A new planned sprint, sent once; an add whose outcome is unknown is looked up before anything is said. */
export async function addSprint(input: SprintInput, known: ReadonlySet<number>): Promise<Sprint> {
  const { created } = await createOnce({
    send: async () =>
      toSprint(
        await callMethod('tasks.api.scrum.sprint.add', {
          fields: {
            groupId: input.groupId,
            name: input.name.trim(),
            dateStart: input.dateStart,
            dateEnd: input.dateEnd,
            status: 'planned',
            createdBy: input.createdBy,
            sort: input.sort,
          },
        }),
      ),
    find: () => findCreatedSprint(input, known),
  })
  return created
}

export function useAddSprint() {
  const queryClient = useQueryClient()
  const known = (groupId: number) => new Set((queryClient.getQueryData<Sprint[]>(sprintKeys.byGroup(groupId)) ?? []).map((sprint) => sprint.id))
  return useOneAtATime(
    useMutation({
      mutationFn: (input: SprintInput) => addSprint(input, known(input.groupId)),
      onSuccess: (sprint) => {
        queryClient.setQueryData<Sprint[]>(sprintKeys.byGroup(sprint.groupId), (sprints = []) =>
          sprints.some((other) => other.id === sprint.id) ? sprints : [...sprints, sprint],
        )
      },
    }),
  )
}
