/** Every REST method the dev portal knows, by lowercase name. Add a family here. */
import type { MethodTable } from '../rest/registry'
import { backlogMethods } from './backlog'
import { epicMethods } from './epic'
import { placementMethods } from './placement'
import { scrumTaskMethods } from './scrumTask'
import { sonetGroupMethods } from './sonetGroup'
import { sprintMethods } from './sprint'
import { systemMethods } from './system'
import { taskMethods } from './task'
import { userMethods } from './user'
import { workgroupMethods } from './workgroup'

export const METHODS: MethodTable = {
  ...backlogMethods,
  ...scrumTaskMethods,
  ...epicMethods,
  ...sprintMethods,
  ...taskMethods,
  ...workgroupMethods,
  ...sonetGroupMethods,
  ...userMethods,
  ...placementMethods,
  ...systemMethods,
}
