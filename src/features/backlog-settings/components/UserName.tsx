import type { User } from '@/lib/users/user-fields'
import { useI18n } from '@/i18n'
import { Avatar } from '@/ui/Avatar'
import './backlog-settings.css'

/**
 * A user id shown as a person: picture and name; 0 means the portal recorded nobody. "Not found"
 * only when the portal said so: while people load, or when loading them failed, it is just the id.
 */
export function UserName({ id, user, known = true }: { id: number; user: User | undefined; known?: boolean }) {
  const { t } = useI18n()
  if (id <= 0) return <span className="muted">{t('backlog.nobody')}</span>
  if (!user) return <span>{known ? t('backlog.unknownUser', { id: String(id) }) : t('backlog.userId', { id: String(id) })}</span>
  return (
    <span className="user-name">
      <Avatar name={user.fullName} url={user.photo} size={24} />
      <span>{user.fullName}</span>
      {!user.active && <span className="muted"> ({t('backlog.dismissed')})</span>}
    </span>
  )
}
