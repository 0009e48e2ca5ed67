import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { B24Frame } from '@/bitrix/frame'
import { connectToPortal } from '@/bitrix/frame'
import { setFrameSourceForTests } from '@/bitrix/call-method'
import { I18nProvider } from '@/i18n'
import { createQueryClient } from '@/lib/react-query'
import { BacklogDetails } from './BacklogDetails'

/** A portal that answers the two calls the details make: getFields (with a field from the future) and user.get. */
function portalAnswering(answers: Record<string, unknown>) {
  const frame = {
    actions: {
      v2: {
        call: {
          make: async ({ method }: { method: string }) => ({
            isSuccess: true,
            getData: () => ({ result: answers[method], time: {} }),
            getTotal: () => 0,
            isMore: () => false,
          }),
        },
      },
    },
  } as unknown as B24Frame
  setFrameSourceForTests(async () => frame)
}

afterEach(() => setFrameSourceForTests(connectToPortal))

function rowOf(label: string): HTMLElement {
  return screen.getByText(label, { selector: 'dt' }).parentElement!
}

describe('BacklogDetails', () => {
  it('labels fields from getFields, shows users by name and a field it does not know generically', async () => {
    portalAnswering({
      'tasks.api.scrum.backlog.getFields': {
        fields: {
          groupId: { type: 'integer' },
          createdBy: { type: 'integer' },
          modifiedBy: { type: 'integer' },
          sprintDuration: { type: 'integer' },
        },
      },
      'user.get': [{ ID: '6', NAME: 'Jürgen', LAST_NAME: 'Müller', ACTIVE: true }],
    })
    render(
      <QueryClientProvider client={createQueryClient()}>
        <I18nProvider language="de">
          <BacklogDetails
            backlog={{ id: 41, groupId: 21, createdBy: 6, modifiedBy: 0, sprintDuration: 1209600 }}
            group={{ id: 21, name: 'Mobile App', avatarUrl: '', memberCount: 8, scrumMasterId: 2, isScrum: true, kind: 'scrum', isClosed: false }}
          />
        </I18nProvider>
      </QueryClientProvider>,
    )
    expect(await screen.findByText('Sprint duration')).toBeTruthy()
    expect(within(rowOf('Sprint duration')).getByText('1209600')).toBeTruthy()
    expect(within(rowOf('Scrum-Team')).getByText('Mobile App')).toBeTruthy()
    expect(await within(rowOf('Erstellt von')).findByText('Jürgen Müller')).toBeTruthy()
    expect(within(rowOf('Zuletzt geändert von')).getByText('Nicht erfasst')).toBeTruthy()
  })
})
