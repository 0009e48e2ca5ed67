import type { ReactNode } from 'react'
import { FieldError } from 'react-aria-components/FieldError'
import { Input } from 'react-aria-components/Input'
import { Label } from 'react-aria-components/Label'
import { Text } from 'react-aria-components/Text'
import { TextField, type TextFieldProps } from 'react-aria-components/TextField'
import './ui.css'

export interface FieldProps extends Omit<TextFieldProps, 'children'> {
  label: string
  description?: string
  /** A message shown at the field (validation or a server refusal that concerns it). */
  errorMessage?: string
  placeholder?: string
  children?: ReactNode
}

export function Field({ label, description, errorMessage, placeholder, className, ...props }: FieldProps) {
  return (
    <TextField
      {...props}
      isInvalid={props.isInvalid ?? Boolean(errorMessage)}
      className={['ui-field', className].filter(Boolean).join(' ')}
    >
      <Label className="ui-field__label">{label}</Label>
      <Input className="ui-field__input" placeholder={placeholder} />
      {description && (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      )}
      <FieldError className="ui-field__error">{errorMessage}</FieldError>
    </TextField>
  )
}
