// The Detections panel's state (the summary, asked for again on every detectionsChanged push),
// and the per-event level markers: rows ask for their event's level, gathered into one
// eventDetectionLevels call per frame and cached until detections change. A view whose filter
// names detection: or level: is asked for again when they do (detection runs behind the load).
import { create } from 'zustand'
import type { DetectionLevel, DetectionsSummary } from '../../common/detections'
import { fieldClause } from '../../common/query/facet-query'
import { specialFieldsOf } from '../../common/query/special-fields'
import { errorText } from '../api/error-text'
import { getApi } from '../api/get-api'
import { clearQuickViews, replaceQuery, setRange, useFind } from './find-store'
import { refreshHistogram } from './insights-store'
import { ALL_TIME } from './view-spec'
import { markBatcher } from './row-marks'
import { loadRuleFolders } from './rule-folders'

interface DetectionsState {
  open: boolean
  summary: DetectionsSummary | null
  error: string | null
  /** Per event id: its highest level, or 'none' when no rule matched it. */
  marks: Map<number, DetectionLevel | 'none'>
}

export const useDetections = create<DetectionsState>()(() => ({ open: false, summary: null, error: null, marks: new Map() }))

const message = (error: unknown): string => errorText(error)

export async function refreshDetections(): Promise<void> {
  try {
    useDetections.setState({ summary: await getApi().detectionsSummary(), error: null })
  } catch (error) {
    useDetections.setState({ error: message(error) })
  }
}

export function openDetections(): void {
  useDetections.setState({ open: true })
  void refreshDetections()
}

export function closeDetections(): void {
  useDetections.setState({ open: false })
}

/** A rule's row clicked: the list shows that rule's events, over all time. */
export function showRuleEvents(ruleId: string): void {
  clearQuickViews()
  setRange(ALL_TIME)
  replaceQuery(fieldClause('detection', ruleId))
  closeDetections()
}

/** Whether a filter names the detection fields (its result changes as detection catches up). */
export function namesDetectionField(query: string): boolean {
  const named = specialFieldsOf(query)
  return named.has('detection') || named.has('level')
}

/** Asks (batched) for an event's level if it is not known yet. */
export const wantLevel = markBatcher<DetectionLevel | 'none'>(useDetections, 'none', async (ids) =>
  (await getApi().eventDetectionLevels(ids)).map((f) => ({ id: f.id, mark: f.level })),
)

/** Past this many known marks, they are forgotten rather than asked for again (rows ask anew). */
const MARKS_REFRESHED = 2_000

/** Detections went further: the known marks are asked for again and replaced at once (no flicker while a load runs). */
function refreshMarks(): void {
  const ids = [...useDetections.getState().marks.keys()]
  if (ids.length === 0) return
  if (ids.length > MARKS_REFRESHED) {
    useDetections.setState({ marks: new Map() })
    return
  }
  void getApi()
    .eventDetectionLevels(ids)
    .then((found) => {
      const marks = new Map<number, DetectionLevel | 'none'>(ids.map((id) => [id, 'none']))
      for (const f of found) marks.set(f.id, f.level)
      useDetections.setState({ marks })
    })
    .catch(() => useDetections.setState({ marks: new Map() }))
}

let subscribed = false

/** Subscribed once at start-up (state/pushes.ts). */
export function subscribeDetectionPushes(scheduleRequery: () => void): void {
  if (subscribed) return
  subscribed = true
  // The rule folders kept from the last session, handed to main before anything is loaded.
  void loadRuleFolders(true)
  getApi().onDetectionsChanged(() => {
    refreshMarks()
    void refreshDetections()
    refreshHistogram() // its detection band counts the marks that just changed
    if (namesDetectionField(useFind.getState().query)) scheduleRequery()
  })
}
