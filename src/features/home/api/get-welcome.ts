import { queryOptions, useQuery } from '@tanstack/react-query'
import { callBatch } from '../../../bitrix'
import { welcomeKeys } from '../../../lib/query-keys'
import { toUser, type PortalUserAnswer, type User } from '../../../lib/users/user-fields'

export interface Welcome {
  user: User
  scrumCount: number
}



/** Who is here and how many scrum teams they can see: one `batch`, one HTTP request. */
export async function getWelcome(): Promise<Welcome> {
  const answers = await callBatch({
    me: ['user.current'],
    scrums: ['socialnetwork.api.workgroup.list', { filter: { '!SCRUM_MASTER_ID': false }, select: ['ID'] }],
  })
  if (!answers.me.ok) throw answers.me.error
  if (!answers.scrums.ok) throw answers.scrums.error
  const scrums = answers.scrums.result as { workgroups: unknown[] }
  return {
    user: toUser(answers.me.result as PortalUserAnswer),
    scrumCount: answers.scrums.total ?? scrums.workgroups.length,
  }
}

export const welcomeQueryOptions = () => queryOptions({ queryKey: welcomeKeys.all, queryFn: getWelcome })

export const useWelcome = () => useQuery(welcomeQueryOptions())
