import { useId } from 'react'
import { pickPortalUser } from '@/bitrix'
import { useI18n } from '@/i18n'
import { Avatar } from '@/ui/Avatar'
import { Button } from '@/ui/Button'
import './backlog-settings.css'

export interface ChosenUser {
  id: number
  name: string
  photo?: string
}

interface UserFieldProps {
  label: string
  value: ChosenUser | null
  onChange: (user: ChosenUser) => void
  description?: string
  errorMessage?: string
}

/** A user chosen with the portal's own employee dialog, never a typed id. */
export function UserField({ label, value, onChange, description, errorMessage }: UserFieldProps) {
  const { t } = useI18n()
  const labelId = useId()
  const descriptionId = useId()
  const errorId = useId()
  const choose = () => {
    // Bitrix24 answers only when someone is chosen; a closed dialog leaves the field as it was.
    void pickPortalUser().then((user) => user && onChange({ id: user.id, name: user.name, photo: user.photo }))
  }
  return (
    <div
      className="ui-field"
      role="group"
      aria-labelledby={labelId}
      aria-describedby={[description ? descriptionId : '', errorMessage ? errorId : ''].filter(Boolean).join(' ') || undefined}
    >
      <span id={labelId} className="ui-field__label">
        {label}
      </span>
      <div className="user-field">
        {value && value.id > 0 ? (
          <span className="user-name">
            <Avatar name={value.name} url={value.photo} size={24} />
            <span>{value.name}</span>
          </span>
        ) : (
          <span className="muted">{t('backlog.nobody')}</span>
        )}
        <Button size="s" onPress={choose}>
          {t('backlog.edit.change')}
          <span className="visually-hidden"> {label}</span>
        </Button>
      </div>
      {description && (
        <span id={descriptionId} className="ui-field__description">
          {description}
        </span>
      )}
      {errorMessage && (
        <span id={errorId} className="ui-field__error" role="alert">
          {errorMessage}
        </span>
      )}
    </div>
  )
}
