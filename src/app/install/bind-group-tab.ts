import { callBatch } from '@/bitrix'

export const GROUP_TAB = 'SONET_GROUP_DETAIL_TAB'

/** The tab's title in each language the portal may show it in. */
const TITLES = { en: 'Scrum Backlog', ru: 'Скрам-бэклог', de: 'Scrum-Backlog' } as const

/**
 * Register the app as a tab of every workgroup, opening this page. A reinstall finds the handler
 * already bound ("Handler already binded"), so unbind it first, in the same batch.
 */
export async function bindGroupTab(handler: string): Promise<void> {
  const answers = await callBatch({
    unbind: ['placement.unbind', { PLACEMENT: GROUP_TAB, HANDLER: handler }],
    bind: [
      'placement.bind',
      {
        PLACEMENT: GROUP_TAB,
        HANDLER: handler,
        TITLE: TITLES.en,
        LANG_ALL: Object.fromEntries(Object.entries(TITLES).map(([lang, title]) => [lang, { TITLE: title }])),
      },
    ],
  })
  if (!answers.bind.ok) throw answers.bind.error
}

/**
 * This page's address without the portal's query: what the portal should open in the tab. The
 * static package's install page (`install.html`, opened only while installing) binds the app's
 * `index.html` beside it instead of itself.
 */
export function ownHandlerUrl(location: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  return `${location.origin}${location.pathname.replace(/\/install\.html$/i, '/index.html')}`
}
