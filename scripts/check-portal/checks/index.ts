/** Every check, in the order they run: reads first, then the write flow (its steps depend on each other). */
import type { Check } from '../context'
import { backlogChecks } from './backlog'
import { batchChecks } from './batch'
import { epicReadChecks } from './epics'
import { errorChecks } from './errors'
import { scrumFilterReadCheck } from './scrumFilter'
import { scrumItemChecks } from './scrumItems'
import { sprintReadChecks } from './sprints'
import { taskChecks } from './tasks'
import { userChecks } from './users'
import { workgroupChecks } from './workgroups'
import { backlogWriteCheck } from './write/backlog'
import { itemWriteCheck } from './write/items'
import { setupCheck } from './write/setup'
import { sprintWriteCheck } from './write/sprints'
import { groupTeardownCheck, teardownCheck } from './write/teardown'

export const READ_CHECKS: Check[] = [
  ...errorChecks,
  ...userChecks,
  ...workgroupChecks,
  ...backlogChecks,
  ...taskChecks,
  ...scrumItemChecks,
  ...epicReadChecks,
  ...sprintReadChecks,
  ...batchChecks,
  scrumFilterReadCheck,
]

export const WRITE_CHECKS: Check[] = [setupCheck, backlogWriteCheck, itemWriteCheck, sprintWriteCheck, teardownCheck, groupTeardownCheck]
