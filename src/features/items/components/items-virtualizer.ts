/**
 * Virtual scrolling for long lists: only the rows in view are in the page. Loaded for a list of
 * more than VIRTUAL_FROM items; a shorter list draws every row, which costs less than this code.
 */
export { ListLayout, Virtualizer } from 'react-aria-components/Virtualizer'
