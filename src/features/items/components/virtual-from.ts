/**
 * A list longer than this scrolls virtually (only the rows in view are in the page); a shorter one
 * draws all its rows, which is quicker than downloading and running the virtualiser. Most
 * backlogs are shorter.
 */
export const VIRTUAL_FROM = 200
