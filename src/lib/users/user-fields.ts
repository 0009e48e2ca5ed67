/** A user as legacy `user.*` methods send it: UPPER_SNAKE keys, string values. */
export interface PortalUserAnswer {
  ID: string
  NAME?: string | null
  LAST_NAME?: string | null
  SECOND_NAME?: string | null
  EMAIL?: string | null
  PERSONAL_PHOTO?: string | null
  WORK_POSITION?: string | null
  ACTIVE?: boolean | string
}

export interface User {
  id: number
  firstName: string
  fullName: string
  photo: string
  position: string
  active: boolean
}

export function toUser(answer: PortalUserAnswer): User {
  const fallback = answer.EMAIL || `#${answer.ID}`
  const firstName = answer.NAME?.trim() ?? ''
  const fullName = [answer.NAME, answer.LAST_NAME].map((part) => part?.trim()).filter(Boolean).join(' ')
  return {
    id: Number(answer.ID),
    firstName: firstName || fullName || fallback,
    fullName: fullName || fallback,
    photo: answer.PERSONAL_PHOTO ?? '',
    position: answer.WORK_POSITION ?? '',
    active: answer.ACTIVE !== false && answer.ACTIVE !== 'N',
  }
}
