import { useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { RestError } from '@/bitrix'
import { usePortal } from '@/lib/portal-context'
import type { Backlog } from '@/lib/backlog/backlog-fields'
import { describeError } from '@/lib/error-message'
import type { Group } from '@/lib/groups/workgroup-fields'
import { groupQueryOptions } from '@/lib/groups/get-group'
import { useCurrentUser } from '@/lib/users/get-current-user'
import { usersQueryOptions } from '@/lib/users/get-users'
import type { User } from '@/lib/users/user-fields'
import { useI18n } from '@/i18n'
import { Button } from '@/ui/Button'
import { Dialog } from '@/ui/Dialog'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { notify } from '@/ui/toast-queue'
import { backlogQueryOptions } from '../api/get-backlog'
import { useUpdateBacklog, type BacklogChanges } from '../api/update-backlog'
import { GroupField } from './GroupField'
import { UserField, type ChosenUser } from './UserField'
import './backlog-settings.css'

type FieldName = 'groupId' | 'createdBy' | 'modifiedBy'

/** Server refusals that concern one field are shown at that field. */
const fieldOfRefusal: Record<string, FieldName> = {
  'Group id not found': 'groupId',
  'It is forbidden move a backlog with items': 'groupId',
  'The target group already has a backlog': 'groupId',
  'createdBy user not found': 'createdBy',
  'modifiedBy user not found': 'modifiedBy',
}

interface EditBacklogDialogProps {
  backlog: Backlog
  group: Group | null | undefined
  users: Map<number, User> | undefined
  isOpen: boolean
  onOpenChange: (open: boolean) => void
  onMoved: (groupId: number) => void
  /** How many items the backlog holds, when known: one with items cannot move to another team. */
  knownItemCount?: number
}

function toChosen(id: number, users: Map<number, User> | undefined): ChosenUser | null {
  if (id <= 0) return null
  const user = users?.get(id)
  return { id, name: user?.fullName ?? `#${id}`, photo: user?.photo ?? '' }
}

export function EditBacklogDialog(props: EditBacklogDialogProps) {
  const { t } = useI18n()
  return (
    <Dialog title={t('backlog.edit.title')} isOpen={props.isOpen} onOpenChange={props.onOpenChange} isDismissable={false}>
      {/* Mounted only while open, so each opening starts from the saved backlog. */}
      <EditBacklogForm {...props} />
    </Dialog>
  )
}

function EditBacklogForm({ backlog, group, users, onOpenChange, onMoved, knownItemCount = 0 }: EditBacklogDialogProps) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const portal = usePortal()
  const me = useCurrentUser()
  const update = useUpdateBacklog()
  const [targetGroup, setTargetGroup] = useState({ id: backlog.groupId, name: group?.name ?? `#${backlog.groupId}` })
  const [createdBy, setCreatedBy] = useState(() => toChosen(backlog.createdBy, users))
  const [modifiedBy, setModifiedBy] = useState<ChosenUser | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({})
  const [formError, setFormError] = useState<unknown>(null)
  const [nothingChanged, setNothingChanged] = useState(false)
  const [checking, setChecking] = useState(false)
  const busy = checking || update.isPending

  const changes = (): BacklogChanges => ({
    groupId: targetGroup.id !== backlog.groupId ? targetGroup.id : undefined,
    createdBy: createdBy && createdBy.id !== backlog.createdBy ? createdBy.id : undefined,
    // Whoever saves is the modifier unless someone else is chosen (an omitted value is stored as 0).
    modifiedBy: modifiedBy?.id ?? me.data?.id,
  })

  /** Checks that need no write: the target team exists and has no backlog of its own; the people exist. */
  const validate = async (wanted: BacklogChanges): Promise<Partial<Record<FieldName, string>>> => {
    const errors: Partial<Record<FieldName, string>> = {}
    if (!createdBy || createdBy.id <= 0) errors.createdBy = t('backlog.edit.chooseSomeone')
    const people = [wanted.createdBy, modifiedBy?.id].filter((id): id is number => id !== undefined && id > 0)
    const [target, targetBacklog, users] = await Promise.allSettled([
      wanted.groupId === undefined ? null : queryClient.fetchQuery(groupQueryOptions(wanted.groupId, portal.origin)),
      wanted.groupId === undefined ? null : queryClient.fetchQuery({ ...backlogQueryOptions(wanted.groupId), staleTime: 0 }),
      people.length === 0 ? null : queryClient.fetchQuery(usersQueryOptions(people)),
    ])
    if (wanted.groupId !== undefined) {
      if (target.status === 'rejected') errors.groupId = describeError(target.reason, t)
      else if (target.value === null) errors.groupId = t('error.workgroupNotFound')
      else if (targetBacklog.status === 'rejected') errors.groupId = describeError(targetBacklog.reason, t)
      else if (targetBacklog.value) errors.groupId = t('error.targetHasBacklog')
    }
    if (users.status === 'fulfilled' && users.value) {
      if (wanted.createdBy !== undefined && !users.value.has(wanted.createdBy)) errors.createdBy = t('error.createdByNotFound')
      if (modifiedBy && !users.value.has(modifiedBy.id)) errors.modifiedBy = t('error.modifiedByNotFound')
    }
    return errors
  }

  const save = async (event?: FormEvent) => {
    event?.preventDefault()
    if (busy) return
    setFormError(null)
    const wanted = changes()
    const changed = wanted.groupId !== undefined || wanted.createdBy !== undefined || modifiedBy !== null
    setNothingChanged(!changed)
    if (!changed) return
    setChecking(true)
    const errors = await validate(wanted).finally(() => setChecking(false))
    setFieldErrors(errors)
    if (Object.keys(errors).length > 0) return
    update.mutate(
      { backlog, changes: wanted },
      {
        onSuccess: (saved) => {
          notify({ tone: 'success', title: t('backlog.saved') })
          onOpenChange(false)
          if (saved.groupId !== backlog.groupId) onMoved(saved.groupId)
        },
        onError: (error) => {
          const field = error instanceof RestError ? fieldOfRefusal[error.description] : undefined
          if (field) setFieldErrors({ [field]: describeError(error, t) })
          else setFormError(error)
        },
      },
    )
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <GroupField
        isDisabled={knownItemCount > 0}
        hint={knownItemCount > 0 ? t('backlog.edit.cannotMove', { count: knownItemCount }) : undefined}
        label={t('backlog.field.groupId')}
        value={targetGroup}
        onChange={(next) => {
          setTargetGroup(next)
          setFieldErrors((errors) => ({ ...errors, groupId: undefined }))
        }}
        errorMessage={fieldErrors.groupId}
      />
      <UserField
        label={t('backlog.field.createdBy')}
        value={createdBy}
        onChange={(next) => {
          setCreatedBy(next)
          setFieldErrors((errors) => ({ ...errors, createdBy: undefined }))
        }}
        errorMessage={fieldErrors.createdBy}
      />
      <UserField
        label={t('backlog.field.modifiedBy')}
        value={modifiedBy ?? (me.data ? { id: me.data.id, name: me.data.fullName, photo: me.data.photo } : null)}
        onChange={(next) => {
          setModifiedBy(next)
          setFieldErrors((errors) => ({ ...errors, modifiedBy: undefined }))
        }}
        description={modifiedBy ? undefined : t('backlog.edit.modifiedByHint')}
        errorMessage={fieldErrors.modifiedBy}
      />
      {nothingChanged ? (
        <p role="alert" className="form-note">
          {t('backlog.edit.nothingChanged')}
        </p>
      ) : (
        formError !== null && <ErrorNotice error={formError} title={t('backlog.edit.failed')} />
      )}
      <div className="ui-dialog__actions">
        <Button variant="primary" type="submit" isPending={busy}>
          {t('backlog.edit.save')}
        </Button>
        <Button onPress={() => onOpenChange(false)} isDisabled={update.isPending}>
          {t('backlog.cancel')}
        </Button>
      </div>
    </form>
  )
}
