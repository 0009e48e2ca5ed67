import { useRef, type ReactNode, type RefObject } from 'react'
import { useListBox, useOption, type AriaListBoxOptions } from 'react-aria/useListBox'
import type { ListState, Node } from 'react-stately'
import './popover.css'

interface OptionListProps<T> {
  state: ListState<T>
  /** What the select or combo box hook gives its list (labels, focus on open, closing on blur). */
  listProps: AriaListBoxOptions<T>
  listRef?: RefObject<HTMLUListElement | null>
  /** Shown, as the list's only (disabled) option, when there is nothing to choose. */
  empty?: ReactNode
}

/**
 * The list of a select or a combo box, built on React Aria's list box hooks: the keyboard, focus,
 * type-ahead and screen-reader behaviour are theirs; the markup and look are ours. (The app's only
 * list box; React Aria's ListBox component would put its own code on the first screen, where the
 * grid shares its module.)
 */
export function OptionList<T>({ state, listProps, listRef, empty }: OptionListProps<T>) {
  const own = useRef<HTMLUListElement>(null)
  const ref = listRef ?? own
  const { listBoxProps } = useListBox(listProps, state, ref)
  return (
    <ul {...listBoxProps} ref={ref} className="combo__list">
      {state.collection.size === 0 && empty ? (
        <li role="option" aria-disabled="true" aria-selected="false" className="combo__empty">
          {empty}
        </li>
      ) : (
        [...state.collection].map((item) => <Option key={item.key} item={item} state={state} />)
      )}
    </ul>
  )
}

function Option<T>({ item, state }: { item: Node<T>; state: ListState<T> }) {
  const ref = useRef<HTMLLIElement>(null)
  const { optionProps, isSelected, isFocused, isDisabled } = useOption({ key: item.key }, state, ref)
  return (
    <li
      {...optionProps}
      ref={ref}
      className="combo__option"
      data-selected={isSelected || undefined}
      data-focused={isFocused || undefined}
      data-disabled={isDisabled || undefined}
    >
      {item.rendered}
    </li>
  )
}
