// The window: top bar, filter bar, list | viewer, problems panel; drops and shortcuts anywhere.
import { useEffect } from 'react'
import { EventList } from './components/EventList'
import { Splitter, splitColumns } from './components/Splitter'
import { FacetsPanel } from './components/FacetsPanel'
import { PivotMenuHost } from './components/PivotMenu'
import { Timeline } from './components/Timeline'
import { FileProblems } from './components/FileProblems'
import { S3Dialog } from './components/S3Dialog'
import { FilterBar } from './components/FilterBar'
import { TopBar } from './components/TopBar'
import { EventViewer } from './viewer/EventViewer'
import { CompareHost } from './viewer/CompareView'
import { AccountAliasHost } from './viewer/AccountAliasDialog'
import { IdentityHost } from './identity/IdentityHost'
import { ExportDialog, ExportNotice } from './components/ExportDialog'
import { SelectionStatus } from './components/SelectionStatus'
import { CrashNotice } from './components/CrashNotice'
import { IntegrityPanel } from './components/IntegrityPanel'
import { SourcesPanel } from './components/SourcesPanel'
import { useViewSession } from './session/session-react'
import { loadOrAsk, opensByPath, pickAndLoad, registerFileInput, registerFolderInput } from './state/actions'
import { LoadChoiceDialog } from './components/LoadChoiceDialog'
import { filesOfEntries, takeDropEntries } from './state/dropped-files'
import { isModalOpen, isTextField, focusFilter } from './state/focus'
import { gotoFailed } from './state/failed-nav'
import { useT } from './state/language-store'
import { useUi } from './state/ui-store'

/** What web mode's file input and folder drops accept. */
const ACCEPT = '.json,.gz,.jsonl,application/json,application/gzip'
const LOADABLE = /\.(json|jsonl|gz|signature)$/i

function inEditor(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.monaco-editor') !== null
}

function useShortcuts(): void {
  const session = useViewSession()
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && !e.altKey && !e.shiftKey && key === 'o') {
        e.preventDefault()
        pickAndLoad(session)
      } else if (mod && !e.altKey && !e.shiftKey && key === 'e') {
        if (inEditor(e.target)) return // the editor's own key (end of line on macOS)
        e.preventDefault()
        session.openExportDialog()
      } else if (mod && !e.altKey && !e.shiftKey && key === 'f') {
        if (inEditor(e.target)) return // Monaco's own find, within the event
        e.preventDefault()
        focusFilter()
      } else if ((e.key === 'n' || e.key === 'N') && !mod && !e.altKey && !isTextField(e.target) && !isModalOpen()) {
        // Next / previous failed event (also from the read-only viewer).
        e.preventDefault()
        void gotoFailed(session, e.key === 'n' ? 1 : -1)
      } else if (e.key === '/' && !mod && !e.altKey && !isTextField(e.target) && !inEditor(e.target)) {
        e.preventDefault()
        focusFilter()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [session])
}

function hasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')
}

function useFileDrop(): void {
  const setDragging = useUi((s) => s.setDragging)
  const session = useViewSession()
  useEffect(() => {
    let depth = 0
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth++
      setDragging(true)
    }
    const onOver = (e: DragEvent) => {
      // Always: otherwise a file dropped on the window replaces the page with it.
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = hasFiles(e) ? 'copy' : 'none'
    }
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onDrop = (e: DragEvent) => {
      e.preventDefault()
      depth = 0
      setDragging(false)
      if (!e.dataTransfer) return
      const { files, entries } = takeDropEntries(e.dataTransfer)
      if (opensByPath() || !entries.some((entry) => entry.isDirectory)) {
        loadOrAsk(session, files)
        return
      }
      // Web mode with a folder: walk it, and send what looks like log files.
      void filesOfEntries(entries).then((all) => {
        const direct = new Set(entries.filter((entry) => entry.isFile).map((entry) => entry.name))
        loadOrAsk(session, all.filter((f) => direct.has(f.name) || LOADABLE.test(f.name)))
      })
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragover', onOver)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('drop', onDrop)
    }
  }, [setDragging, session])
}

function DropOverlay() {
  const t = useT()
  const dragging = useUi((s) => s.dragging)
  if (!dragging) return null
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay__box">{t.dropHere}</div>
    </div>
  )
}

export function App() {
  const session = useViewSession()
  const listFraction = useUi((s) => s.listFraction)
  const listFractionChosen = useUi((s) => s.listFractionChosen)
  useShortcuts()
  useFileDrop()
  return (
    <div className="app">
      <TopBar />
      <FilterBar />
      <Timeline />
      <main className="workspace">
        <FacetsPanel />
        <div className="workspace__split" style={{ gridTemplateColumns: splitColumns(listFraction, listFractionChosen) }}>
          <section className="pane pane--list">
            <EventList />
            <SelectionStatus />
          </section>
          <Splitter />
          <section className="pane pane--viewer">
            <EventViewer />
          </section>
        </div>
      </main>
      <FileProblems />
      <DropOverlay />
      <S3Dialog />
      <PivotMenuHost />
      <CompareHost />
      <AccountAliasHost />
      <IdentityHost />
      <ExportDialog />
      <ExportNotice />
      <CrashNotice />
      <IntegrityPanel />
      <SourcesPanel />
      <LoadChoiceDialog />
      <input
        ref={registerFileInput}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? [])
          e.currentTarget.value = ''
          loadOrAsk(session, files)
        }}
      />
      <input
        ref={registerFolderInput}
        type="file"
        multiple
        hidden
        data-testid="folder-input"
        {...{ webkitdirectory: '' }}
        onChange={(e) => {
          // A folder's files: only those that look like logs (a trail folder holds digests, .DS_Store...).
          const files = Array.from(e.currentTarget.files ?? []).filter((f) => LOADABLE.test(f.name))
          e.currentTarget.value = ''
          loadOrAsk(session, files)
        }}
      />
    </div>
  )
}
