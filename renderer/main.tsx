// The renderer's entry: subscribe to pushes once, render, fetch the first view, then tell the
// tests (body[data-app-state="ready"]).
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { subscribePushes } from './state/pushes'
import { refreshReports } from './state/load-store'
import { followLanguage } from './state/language-store'
import { requery } from './state/view-store'
import './styles/app.css'

subscribePushes()
followLanguage(document.documentElement)

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root')
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

void Promise.allSettled([requery(), refreshReports()]).then(() => {
  requestAnimationFrame(() => {
    document.body.dataset.appState = 'ready'
  })
})
