/**
 * A list longer than this is windowed: only the rows near the view are in the page, and in the
 * grid's collection, so that scrolling, editing and filtering cost the same at 300 items as at
 * 10,000. A shorter list draws all its rows. Most backlogs are shorter.
 */
export const VIRTUAL_FROM = 200

/** Every row has this height (px): a windowed list places rows and reads its scroll by it. */
export const ROW_HEIGHT = 52
