// Every push from the services, subscribed once at start-up (main.tsx passes the API and the
// view session): the stores update themselves, components only read them.
import type { AshiatoApi, AshiatoPushes } from '../../common/ipc-contract'
import type { ViewSession } from '../session/create-session'
import { subscribeLoadPushes } from './load-store'
import { useLanguage } from './language-store'
import { focusFilter } from './focus'
import { openS3Dialog, subscribeS3Pushes } from './s3-store'
import { subscribeDetectionPushes } from './detections-store'
import { subscribeSourcePushes } from './sources-store'
import { menuOpen } from './load-choice'
import { loadDoors } from './actions'

let subscribed = false

export function subscribePushes(api: AshiatoApi, session: ViewSession): void {
  if (subscribed) return
  subscribed = true
  const { scheduleRequery, exportProgressArrived } = session
  subscribeLoadPushes()
  subscribeS3Pushes()
  subscribeDetectionPushes(scheduleRequery)
  subscribeSourcePushes()
  api.onEventsChanged(() => scheduleRequery())
  api.onExportProgress(exportProgressArrived)
  // The desktop menu is built in main: tell it the language now and on every change.
  const tellShell = (language: 'en' | 'ja') => void api.setShellLanguage(language).catch(() => undefined)
  tellShell(useLanguage.getState().language)
  useLanguage.subscribe((state, before) => (state.language === before.language ? undefined : tellShell(state.language)))
  api.onMenuCommand((payload) => onMenuCommand(session, payload))
}

/** What the desktop menu asks of the page (its open commands: load-choice.ts). */
export function onMenuCommand(session: ViewSession, { command, paths }: AshiatoPushes['menuCommand']): void {
  if (menuOpen(session, { command, paths }, loadDoors)) return
  if (command === 'focusFilter') focusFilter()
  else if (command === 'languageEnglish') useLanguage.getState().setLanguage('en')
  else if (command === 'languageJapanese') useLanguage.getState().setLanguage('ja')
  else if (command === 'openS3') openS3Dialog()
  else if (command === 'exportEvents') session.openExportDialog()
  else if (command === 'copyEvents') void session.copySelection()
  else if (command === 'selectAll') void session.selectAllInView().catch(() => undefined)
}
