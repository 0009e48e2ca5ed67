import { callPage } from '../../../bitrix'

/** How many tasks sit in a backlog: one `tasks.task.list` page, read for its `total`. */
export async function countBacklogItems(groupId: number, backlogId: number): Promise<number> {
  const page = await callPage<{ tasks: unknown[] }>('tasks.task.list', {
    filter: { GROUP_ID: groupId, BACKLOG_ID: backlogId },
    select: ['ID'],
  })
  return page.total || page.result.tasks.length
}
