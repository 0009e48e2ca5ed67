import type { Backlog } from '@/lib/backlog/backlog-fields'
import type { Group } from '@/lib/groups/workgroup-fields'
import { useUsers } from '@/lib/users/get-users'
import { useI18n, type MessageKey } from '@/i18n'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { useBacklogFields } from '../api/get-backlog-fields'
import { UserName } from './UserName'
import './backlog-settings.css'

const knownLabels: Record<string, MessageKey> = {
  groupId: 'backlog.field.groupId',
  createdBy: 'backlog.field.createdBy',
  modifiedBy: 'backlog.field.modifiedBy',
}
const userFields = new Set(['createdBy', 'modifiedBy'])
const fallbackFields = ['groupId', 'createdBy', 'modifiedBy']

/** `sprintDuration` → "Sprint duration": a field a newer portal adds still gets a readable label. */
function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function plainValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** The backlog's fields, labelled from `backlog.getFields`, with users by name (one `user.get`). */
export function BacklogDetails({ backlog, group }: { backlog: Backlog; group: Group | null | undefined }) {
  const { t } = useI18n()
  const fields = useBacklogFields()
  const users = useUsers([backlog.createdBy, backlog.modifiedBy])
  const names = fields.data?.map((field) => field.name) ?? fallbackFields

  return (
    <>
      <dl className="backlog-fields">
        <div className="backlog-fields__row">
          <dt>{t('backlog.field.id')}</dt>
          <dd>{backlog.id}</dd>
        </div>
        {names.map((name) => {
          const labelKey = knownLabels[name]
          const value = backlog[name]
          return (
            <div key={name} className="backlog-fields__row">
              <dt>{labelKey ? t(labelKey) : humanize(name)}</dt>
              <dd>
                {userFields.has(name) ? (
                  <UserName id={Number(value ?? 0)} user={users.data?.get(Number(value))} known={users.isSuccess} />
                ) : name === 'groupId' ? (
                  group && group.id === backlog.groupId ? group.name : `#${backlog.groupId}`
                ) : (
                  plainValue(value)
                )}
              </dd>
            </div>
          )
        })}
      </dl>
      {users.isError && <ErrorNotice error={users.error} title={t('backlog.peopleFailed')} onRetry={() => void users.refetch()} />}
    </>
  )
}
