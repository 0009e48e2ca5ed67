/**
 * What the portal stores of an epic: the name is a 255-character column, the description a text
 * the tasks module also caps for its own entities. Longer input is refused at the field, never cut.
 */
export const EPIC_LIMITS = { name: 255, description: 10_000 } as const
