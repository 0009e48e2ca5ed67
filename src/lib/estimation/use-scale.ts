import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { readAppOption, writeAppOption } from '@/bitrix'
import { optionKeys } from '@/lib/query-keys'
import { FREE_SCALE, parseScale, scaleOptionName, serializeScale, type Scale } from './scale'

/**
 * A team's estimation scale, from the app options the portal sent with the frame (no request):
 * free numbers until an administrator chooses one.
 */
export function useScale(groupId: number): Scale {
  const name = scaleOptionName(groupId)
  const query = useQuery({
    queryKey: optionKeys.app(name),
    queryFn: () => readAppOption(name).then((raw) => raw ?? null),
    staleTime: Infinity,
  })
  return useMemo(() => (query.data ? parseScale(query.data) : FREE_SCALE), [query.data])
}

/** Keep a team's scale in the app options (administrators only: the portal ignores anyone else). */
export function useSaveScale(groupId: number) {
  const queryClient = useQueryClient()
  const name = scaleOptionName(groupId)
  return useMutation({
    mutationFn: async (scale: Scale) => {
      const value = serializeScale(scale)
      await writeAppOption(name, value)
      return value
    },
    onSuccess: (value) => queryClient.setQueryData(optionKeys.app(name), value),
  })
}
