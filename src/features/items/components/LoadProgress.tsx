import { useI18n } from '@/i18n'
import { useLoadProgress } from '../api/load-progress'
import './LoadProgress.css'

/** A list this short loads in one or two requests: a progress bar would only flash. */
const SHOWN_FROM = 50

/**
 * How far a big backlog has loaded ("2,350 of 5,000 items"), under the placeholder rows. It alone
 * reads the load's progress, so each step re-renders this bar and nothing else.
 */
export function LoadProgress({ groupId }: { groupId: number }) {
  const { t } = useI18n()
  const progress = useLoadProgress(groupId)
  if (!progress || progress.total <= SHOWN_FROM) return null
  const text = t('items.loadProgress', { loaded: progress.loaded, count: progress.total })
  return (
    <div className="load-progress">
      <progress
        className="load-progress__bar"
        max={progress.total}
        value={progress.loaded}
        aria-label={t('items.loading')}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.loaded}
        aria-valuetext={text}
      />
      <span className="load-progress__text">{text}</span>
    </div>
  )
}
