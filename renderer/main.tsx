// The renderer's entry: the one view session is created here with the API passed in, the stores
// that follow it and every push are wired here, once; then render, fetch the first view, and
// tell the tests (body[data-app-state="ready"]).
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { getApi } from './api/get-api'
import { errorText } from './api/error-text'
import { rowColumnsOf } from './list/columns'
import { extraCsvColumns } from '../common/csv-columns'
import { createViewSession } from './session/create-session'
import { SessionProvider } from './session/session-react'
import { useExportPrefs } from './state/export-prefs'
import { useFind } from './state/find-store'
import { useFindPrefs } from './state/find-prefs'
import { followSession } from './state/follow-session'
import { followQueryHistory, pageAddressBar } from './state/query-history'
import { currentMessages, followLanguage } from './state/language-store'
import { refreshReports, useLoad } from './state/load-store'
import { subscribePushes } from './state/pushes'
import './styles/app.css'

const api = getApi()

const session = createViewSession({
  api,
  find: useFind,
  reportError: (error) => useLoad.getState().setCallError(errorText(error)),
  exportChoices: () => {
    const { format, gzip } = useExportPrefs.getState()
    // CSV: the console's columns, then the ones the list shows.
    return { format, gzip, extraColumns: extraCsvColumns(rowColumnsOf(useFindPrefs.getState().columns)) }
  },
  messages: currentMessages,
  download: (url, fileName) => {
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.rel = 'noopener'
    document.body.append(link)
    link.click()
    link.remove()
  },
  writeClipboard: (text) => navigator.clipboard.writeText(text),
})

followSession(session)
// Back / Forward; in web mode the view also lives in the address (restored here, before the first view).
followQueryHistory(useFind, window.ashiato ? null : pageAddressBar(window))
followLanguage(document.documentElement)
subscribePushes(api, session)

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root')
createRoot(container).render(
  <StrictMode>
    <SessionProvider session={session}>
      <App />
    </SessionProvider>
  </StrictMode>,
)

void Promise.allSettled([session.requery(), refreshReports()]).then(() => {
  requestAnimationFrame(() => {
    document.body.dataset.appState = 'ready'
  })
})
