import { useI18n, type MessageKey } from '@/i18n'
import { Button } from '@/ui/Button'
import { Dialog } from '@/ui/Dialog'
import './shortcuts.css'

const SHORTCUTS: readonly (readonly [keys: readonly string[], what: MessageKey])[] = [
  [['/'], 'shortcuts.search'],
  [['C', 'N'], 'shortcuts.add'],
  [['Enter'], 'shortcuts.openTask'],
  [['Space'], 'shortcuts.select'],
  [['Alt+↑', 'Alt+↓'], 'shortcuts.move'],
  [['Alt+Home', 'Alt+End'], 'shortcuts.moveEnds'],
  [['?'], 'shortcuts.help'],
]

/** The planning screen's keyboard shortcuts, opened with "?" or from the hint under the filters. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n()
  return (
    <Dialog title={t('shortcuts.title')} isOpen onOpenChange={(open) => !open && onClose()}>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcuts__row">
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ` ${t('shortcuts.or')} `}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <div className="ui-dialog__actions">
        <Button onPress={onClose} autoFocus>
          {t('app.close')}
        </Button>
      </div>
    </Dialog>
  )
}
