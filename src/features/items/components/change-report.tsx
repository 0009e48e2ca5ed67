import type { Translate } from '@/i18n'
import { describeError } from '@/lib/error-message'
import type { ChangeReport } from '@/lib/items/change-items'
import { EpicDetachRefusedError } from '@/lib/items/epic-detach'
import type { ToastMessage } from '@/ui/toast-queue'

const NAMES_SHOWN = 3

function names(titles: readonly string[], more: (count: number) => string): string {
  const shown = titles.slice(0, NAMES_SHOWN).map((title) => `“${title}”`).join(', ')
  return titles.length > NAMES_SHOWN ? `${shown} ${more(titles.length - NAMES_SHOWN)}` : shown
}

/** A change the portal kept completely: nothing to say beyond a confirmation. */
export function isClean(report: ChangeReport): boolean {
  return report.failed.length === 0 && report.gone.length === 0 && report.unconfirmed.length === 0
}

/**
 * What the portal kept of a change, item by item: how many were saved, why the others were not
 * (grouped by reason), which items disappeared, and Retry for exactly the ones that failed. Shown
 * next to where the person acted, until dismissed.
 */
export function reportMessage(report: ChangeReport, t: Translate, actions: { retry: () => void; dismiss: () => void }): ToastMessage {
  const more = (count: number) => t('changes.andMore', { count })
  const reasons = new Map<string, string[]>()
  for (const failure of report.failed) {
    const reason = describeError(failure.error, t)
    reasons.set(reason, [...(reasons.get(reason) ?? []), failure.title])
  }
  // After the session has ended a retry would fail the same way: the page says to reload instead.
  // A portal that refuses "no epic" refuses it again.
  const retryable = report.failed.some(
    (failure) => !failure.error.isSessionEnded && failure.error.status !== 401 && !(failure.error instanceof EpicDetachRefusedError),
  )
  const title =
    report.total === 1 && report.failed.length === 1
      ? t('changes.oneFailed', { title: report.failed[0]!.title })
      : report.failed.length > 0 || report.unconfirmed.length > 0
        ? t('changes.someSaved', { saved: report.saved.length, total: report.total })
        : t('changes.gone', { count: report.gone.length })
  return {
    tone: report.failed.length > 0 ? 'error' : 'warning',
    title,
    className: 'change-report',
    details: (
      <ul className="ui-toast__list">
        {[...reasons].map(([reason, titles]) => (
          <li key={reason}>
            {t('changes.notSaved', { count: titles.length, reason })}
            {report.total > 1 && <span className="muted"> {names(titles, more)}</span>}
          </li>
        ))}
        {report.gone.length > 0 && (
          <li>{t('changes.goneItems', { count: report.gone.length, names: names(report.gone.map((item) => item.title), more) })}</li>
        )}
        {report.unconfirmed.length > 0 && <li>{t('changes.unconfirmed', { count: report.unconfirmed.length })}</li>}
      </ul>
    ),
    actions: [
      ...(retryable ? [{ label: t('changes.retry', { count: report.failed.length }), onPress: actions.retry, variant: 'primary' as const }] : []),
      { label: t('changes.dismiss'), onPress: actions.dismiss },
    ],
  }
}
