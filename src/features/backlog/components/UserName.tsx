import type { User } from '../../../lib/users/user-fields'
import { useI18n } from '../../../i18n'
import { Avatar } from '../../../ui'

/** A user id shown as a person: picture and name; 0 means the portal recorded nobody. */
export function UserName({ id, user }: { id: number; user: User | undefined }) {
  const { t } = useI18n()
  if (id <= 0) return <span className="muted">{t('backlog.nobody')}</span>
  if (!user) return <span>{t('backlog.unknownUser', { id })}</span>
  return (
    <span className="user-name">
      <Avatar name={user.fullName} url={user.photo} size={24} />
      <span>{user.fullName}</span>
      {!user.active && <span className="muted"> ({t('backlog.dismissed')})</span>}
    </span>
  )
}
