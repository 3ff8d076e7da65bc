// Every push from the services, subscribed once at start-up (main.tsx): the stores update
// themselves, components only read them.
import { getApi } from '../api/get-api'
import { subscribeLoadPushes } from './load-store'
import { useLanguage } from './language-store'
import { scheduleRequery } from './view-store'
import { focusFilter } from './focus'

let subscribed = false

export function subscribePushes(): void {
  if (subscribed) return
  subscribed = true
  const api = getApi()
  subscribeLoadPushes()
  api.onEventsChanged(() => scheduleRequery())
  api.onMenuCommand(({ command }) => {
    if (command === 'focusFilter') focusFilter()
    else if (command === 'languageEnglish') useLanguage.getState().setLanguage('en')
    else if (command === 'languageJapanese') useLanguage.getState().setLanguage('ja')
  })
}
