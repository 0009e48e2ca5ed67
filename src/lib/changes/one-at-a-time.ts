import type { MutateOptions, UseMutateFunction, UseMutationResult } from '@tanstack/react-query'
import { useCallback, useRef } from 'react'

/**
 * A mutation started once per user action: a second start while one is on its way (a double
 * click, Enter pressed twice) is ignored at once, before React has even re-rendered the button
 * as busy.
 */
export function useOneAtATime<TData, TError, TVariables, TContext>(
  mutation: UseMutationResult<TData, TError, TVariables, TContext>,
): UseMutationResult<TData, TError, TVariables, TContext> & { isBusy: () => boolean } {
  const busy = useRef(false)
  const { mutate: start } = mutation
  const mutate = useCallback(
    (variables?: TVariables, options?: MutateOptions<TData, TError, TVariables, TContext>) => {
      if (busy.current) return
      busy.current = true
      start(variables as TVariables, {
        ...options,
        onSettled: (...args) => {
          busy.current = false
          return options?.onSettled?.(...args)
        },
      })
    },
    [start],
  ) as UseMutateFunction<TData, TError, TVariables, TContext>
  const isBusy = useCallback(() => busy.current, [])
  return { ...mutation, mutate, isBusy }
}
