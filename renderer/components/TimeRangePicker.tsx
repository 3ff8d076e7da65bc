// The time range: presets counting back from the newest loaded event, all, or custom bounds typed
// in the chosen zone (or set by brushing the timeline). Combines with the filter (ViewSpec from/to).
import { useEffect, useState, type FocusEvent, type KeyboardEvent } from 'react'
import { formatMessage, type MessageKey } from '../../common/i18n'
import { formatInZone, parseInZone } from '../../common/time'
import { setRange, useFind } from '../state/find-store'
import { useT } from '../state/language-store'
import { useTimeZone } from '../state/time-zone'
import { ALL_TIME, PRESETS, rangeBounds, type PresetId, type TimeRange } from '../state/view-spec'
import { useSessionState } from '../session/session-react'

const PRESET_LABELS: Readonly<Record<PresetId, MessageKey>> = {
  '30m': 'range30m',
  '1h': 'range1h',
  '3h': 'range3h',
  '12h': 'range12h',
  '1d': 'range1d',
  '7d': 'range7d',
}

function boundText(ms: number | null, zone: string): string {
  return ms === null ? '' : formatInZone(ms, zone)
}

interface CustomProps {
  range: TimeRange
  newest: number | null
  zone: string
}

/**
 * The from / to inputs. Applied on Enter or when focus leaves the pair (not between them); the
 * text follows the range when it changes elsewhere (the timeline's brush) or the zone changes.
 */
function CustomRange({ range, newest, zone }: CustomProps) {
  const t = useT()
  const bounds = rangeBounds(range, newest)
  const [from, setFrom] = useState(() => boundText(bounds.from, zone))
  const [to, setTo] = useState(() => boundText(bounds.to, zone))
  const fromMs = parseInZone(from, zone)
  const toMs = parseInZone(to, zone)
  useEffect(() => {
    const { from: lower, to: upper } = rangeBounds(range, newest)
    // Only when the text says something else (typing a bound that is not applied yet stays).
    setFrom((text) => (parseInZone(text, zone) === lower ? text : boundText(lower, zone)))
    setTo((text) => (parseInZone(text, zone) === upper ? text : boundText(upper, zone)))
  }, [range, newest, zone])
  const fromBad = from.trim() !== '' && fromMs === null
  const toBad = to.trim() !== '' && toMs === null
  const reversed = fromMs !== null && toMs !== null && toMs <= fromMs

  const apply = (): void => {
    if (fromBad || toBad || reversed) return
    const next: TimeRange = fromMs === null && toMs === null ? ALL_TIME : { kind: 'custom', from: fromMs, to: toMs }
    if (next.kind === 'custom' && range.kind === 'custom' && range.from === next.from && range.to === next.to) return
    if (next.kind === 'all' && range.kind === 'all') return
    setRange(next)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      apply()
    }
  }
  const onBlur = (e: FocusEvent<HTMLDivElement>): void => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) apply()
  }
  return (
    <div className="range-custom" role="group" aria-label={t.rangeCustomLabel} title={formatMessage(t.rangeCustomTitle, { zone })} onBlur={onBlur}>
      <input
        className={fromBad || reversed ? 'range-input is-invalid' : 'range-input'}
        aria-label={formatMessage(t.rangeFrom, { zone })}
        aria-invalid={fromBad || reversed}
        placeholder="YYYY-MM-DD hh:mm:ss"
        value={from}
        spellCheck={false}
        data-testid="range-from"
        onChange={(e) => setFrom(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="range-custom__dash" aria-hidden="true">
        –
      </span>
      <input
        className={toBad || reversed ? 'range-input is-invalid' : 'range-input'}
        aria-label={formatMessage(t.rangeTo, { zone })}
        aria-invalid={toBad || reversed}
        placeholder="YYYY-MM-DD hh:mm:ss"
        value={to}
        spellCheck={false}
        data-testid="range-to"
        onChange={(e) => setTo(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  )
}

export function TimeRangePicker() {
  const t = useT()
  const range = useFind((s) => s.range)
  const zone = useTimeZone()
  const newest = useSessionState((s) => s.info?.newest ?? null)
  const [customOpen, setCustomOpen] = useState(false)
  const showCustom = customOpen || range.kind === 'custom'
  return (
    <div className="range" data-testid="time-range" data-range={range.kind === 'preset' ? range.preset : range.kind}>
      <span className="findbar__label">{t.rangeLabel}</span>
      <div className="segmented segmented--small" role="group" aria-label={t.rangeLabel}>
        {PRESETS.map((preset) => {
          const on = range.kind === 'preset' && range.preset === preset.id
          return (
            <button
              key={preset.id}
              type="button"
              className={on ? 'is-active' : ''}
              aria-pressed={on}
              title={formatMessage(t.rangePresetTitle, { span: t[PRESET_LABELS[preset.id]] })}
              data-testid={`range-${preset.id}`}
              onClick={() => {
                setCustomOpen(false)
                setRange({ kind: 'preset', preset: preset.id })
              }}
            >
              {t[PRESET_LABELS[preset.id]]}
            </button>
          )
        })}
        <button
          type="button"
          className={range.kind === 'all' && !customOpen ? 'is-active' : ''}
          aria-pressed={range.kind === 'all' && !customOpen}
          data-testid="range-all"
          onClick={() => {
            setCustomOpen(false)
            setRange(ALL_TIME)
          }}
        >
          {t.rangeAll}
        </button>
        <button
          type="button"
          className={showCustom ? 'is-active' : ''}
          aria-pressed={showCustom}
          aria-expanded={showCustom}
          data-testid="range-custom"
          onClick={() => {
            if (range.kind !== 'custom') setCustomOpen(!customOpen)
          }}
        >
          {t.rangeCustom}
        </button>
      </div>
      {showCustom ? <CustomRange range={range} newest={newest} zone={zone} /> : null}
    </div>
  )
}
