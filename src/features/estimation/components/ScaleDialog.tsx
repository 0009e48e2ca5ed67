import { useState, type FormEvent } from 'react'
import { Label } from 'react-aria-components/Label'
import { Radio, RadioGroup } from 'react-aria-components/RadioGroup'
import { useI18n } from '@/i18n'
import { checkPoints, DEFAULT_SIZES, formatPoints, SCALE_KINDS, scaleValues, TSHIRT_SIZES, type Scale, type ScaleKind } from '@/lib/estimation/scale'
import { useSaveScale } from '@/lib/estimation/use-scale'
import type { BacklogItem } from '@/lib/items/item-fields'
import { Button } from '@/ui/Button'
import { Dialog } from '@/ui/Dialog'
import { ErrorNotice } from '@/ui/ErrorNotice'
import { Field } from '@/ui/Field'
import { notify } from '@/ui/toast-queue'
import './scale-dialog.css'

interface ScaleDialogProps {
  groupId: number
  teamName: string
  scale: Scale
  /** Only an administrator's choice is kept by the portal: everyone else sees the scale. */
  canChange: boolean
  /** The team's items: those whose estimate the chosen scale would not take are counted. */
  items: readonly BacklogItem[]
  onClose: () => void
}

/** Points as typed into a size's field: blank (not counted) or 0 to 999. */
function readSize(text: string): number | null | undefined {
  const value = text.trim().replace(',', '.')
  if (!value) return null
  return /^\d{1,3}(\.\d{1,2})?$/.test(value) ? Number(value) : undefined
}

/** The team's estimation scale: which story points its items take, and what T-shirt sizes count for. */
export function ScaleDialog({ groupId, teamName, scale, canChange, items, onClose }: ScaleDialogProps) {
  const { t, locale } = useI18n()
  const save = useSaveScale(groupId)
  const [kind, setKind] = useState<ScaleKind>(scale.kind)
  const [sizes, setSizes] = useState<Record<string, string>>(() =>
    Object.fromEntries(TSHIRT_SIZES.map((size) => [size, scale.sizes[size] === null ? '' : String(scale.sizes[size] ?? DEFAULT_SIZES[size])])),
  )
  const [sizeErrors, setSizeErrors] = useState<Record<string, boolean>>({})
  const chosen: Scale = { kind, sizes: Object.fromEntries(TSHIRT_SIZES.map((size) => [size, readSize(sizes[size] ?? '') ?? null])) }
  const outside = items.filter((item) => item.storyPoints.trim() && !checkPoints(item.storyPoints, chosen).ok).length

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!canChange || save.isPending) return
    const errors = Object.fromEntries(TSHIRT_SIZES.map((size) => [size, kind === 'tshirt' && readSize(sizes[size] ?? '') === undefined]))
    setSizeErrors(errors)
    if (Object.values(errors).some(Boolean)) return
    save.mutate(chosen, {
      onSuccess: () => {
        notify({ tone: 'success', title: t('estimation.saved', { team: teamName, scale: t(`estimation.kind.${kind}`) }) })
        onClose()
      },
    })
  }

  return (
    <Dialog title={t('estimation.title')} isOpen onOpenChange={(open) => !open && onClose()}>
      <form onSubmit={submit} noValidate className="scale-form">
        <p className="form-note">{t('estimation.intro')}</p>
        <RadioGroup className="ui-field scale-form__kinds" value={kind} onChange={(value) => setKind(value as ScaleKind)} isDisabled={!canChange}>
          <Label className="ui-field__label">{t('estimation.kindLabel')}</Label>
          {SCALE_KINDS.map((option) => (
            <Radio key={option} value={option} className="scale-option">
              <span className="scale-option__mark" aria-hidden="true" />
              <span className="scale-option__text">
                <span className="scale-option__name">{t(`estimation.kind.${option}`)}</span>
                <span className="scale-option__values">
                  {option === 'free' ? t('estimation.freeValues') : scaleValues({ kind: option, sizes: DEFAULT_SIZES }).map((value) => formatPoints(value, locale)).join(' · ')}
                </span>
              </span>
            </Radio>
          ))}
        </RadioGroup>
        {kind === 'tshirt' && (
          <fieldset className="scale-form__sizes" disabled={!canChange}>
            <legend className="ui-field__label">{t('estimation.sizesLabel')}</legend>
            <p className="form-note">{t('estimation.sizesHint')}</p>
            <div className="scale-form__size-grid">
              {TSHIRT_SIZES.map((size) => (
                <Field
                  key={size}
                  label={size}
                  value={sizes[size] ?? ''}
                  onChange={(value) => {
                    setSizes((previous) => ({ ...previous, [size]: value }))
                    if (sizeErrors[size] && readSize(value) !== undefined) setSizeErrors((previous) => ({ ...previous, [size]: false }))
                  }}
                  errorMessage={sizeErrors[size] ? t('estimation.sizeInvalid') : undefined}
                />
              ))}
            </div>
          </fieldset>
        )}
        {outside > 0 && <p className="form-note">{t('estimation.outside', { count: outside })}</p>}
        {!canChange && <p className="form-note">{t('estimation.adminOnly')}</p>}
        {save.isError && <ErrorNotice error={save.error} title={t('estimation.notSaved')} />}
        <div className="ui-dialog__actions">
          {canChange && (
            <Button type="submit" variant="primary" isPending={save.isPending}>
              {t('estimation.save')}
            </Button>
          )}
          <Button onPress={onClose} isDisabled={save.isPending}>
            {canChange ? t('backlog.cancel') : t('app.close')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
