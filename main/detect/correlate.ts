// Correlation rules (Sigma correlation specification) over the matches of the rules they name:
// per group-by key, windows of `timespan` anchored at each match ([t, t + timespan], both ends
// included). event_count counts matches, value_count distinct values of a field; temporal
// needs every named rule in the window, temporal_ordered in the named order. Overlapping
// qualifying windows of a group are one detection (one alert per burst, holding all its events).

import type { CountCondition, Detection } from './rule-model'
import type { CorrelationRule } from './compile-rule'
import type { Hit } from './event-matcher'

export interface TimedHit extends Hit {
  time: number
}

interface Item {
  id: number
  time: number
  /** Position of the base rule in the correlation's list. */
  which: number
  value: string
}

function holds(c: CountCondition, n: number): boolean {
  switch (c.op) {
    case 'gt': return n > c.value
    case 'gte': return n >= c.value
    case 'lt': return n < c.value
    case 'lte': return n <= c.value
    case 'eq': return n === c.value
    case 'neq': return n !== c.value
  }
}

/** Windows [start, end] (item positions) that qualify, merged when they overlap. */
function mergeWindows(windows: [number, number][]): [number, number][] {
  const out: [number, number][] = []
  for (const w of windows) {
    const last = out[out.length - 1]
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1])
    else out.push([w[0], w[1]])
  }
  return out
}

function countWindows(items: Item[], span: number, condition: CountCondition, distinct: boolean): [number, number][] {
  const windows: [number, number][] = []
  const counts = new Map<string, number>()
  let end = 0
  let size = 0
  for (let start = 0; start < items.length; start++) {
    while (end < items.length && items[end].time - items[start].time <= span) {
      const v = items[end].value
      if (distinct && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1)
      end++
      size++
    }
    if (holds(condition, distinct ? counts.size : size)) windows.push([start, end - 1])
    const v = items[start].value
    if (distinct && v !== '') {
      const n = counts.get(v)! - 1
      if (n === 0) counts.delete(v)
      else counts.set(v, n)
    }
    size--
  }
  return mergeWindows(windows)
}

function temporalWindows(items: Item[], span: number, rules: number): [number, number][] {
  const windows: [number, number][] = []
  const counts = new Int32Array(rules)
  let present = 0
  let end = 0
  for (let start = 0; start < items.length; start++) {
    while (end < items.length && items[end].time - items[start].time <= span) {
      if (counts[items[end].which]++ === 0) present++
      end++
    }
    if (present === rules) windows.push([start, end - 1])
    if (--counts[items[start].which] === 0) present--
  }
  return mergeWindows(windows)
}

/** Chains first-rule → second → ... in time order within the span; each event used once. */
function orderedChains(items: Item[], span: number, rules: number): number[][] {
  const chains: number[][] = []
  const used = new Uint8Array(items.length)
  for (let start = 0; start < items.length; start++) {
    if (used[start] || items[start].which !== 0) continue
    const chain = [start]
    let want = 1
    for (let j = start + 1; j < items.length && want < rules && items[j].time - items[start].time <= span; j++) {
      if (!used[j] && items[j].which === want) {
        chain.push(j)
        want++
      }
    }
    if (want === rules) {
      for (const k of chain) used[k] = 1
      chains.push(chain)
    }
  }
  return chains
}

/** The detections of correlation rule `ruleIndex` from the matches of its base rules. */
export function correlate(ruleIndex: number, rule: CorrelationRule, bases: number[], carried: string[][], hitsByRule: Map<number, TimedHit[]>): Detection[] {
  const { spec } = rule
  const groups = new Map<string, Item[]>()
  const groupValues = new Map<string, string[]>()
  bases.forEach((base, which) => {
    const fields = carried[base]
    const keyAt = spec.groupBy.map((f) => fields.indexOf(f))
    const valueAt = spec.condition?.field ? fields.indexOf(spec.condition.field) : -1
    for (const hit of hitsByRule.get(base) ?? []) {
      if (Number.isNaN(hit.time)) continue
      // The group's key: its one value as is, or its values joined by a character that none of
      // them holds (JSON text otherwise). JSON.stringify per match was most of a correlation's time.
      const values = keyAt.map((k) => hit.fields?.[k] ?? '')
      const key = values.length === 1 ? values[0] : values.some((v) => v.includes('\u0001')) ? `\u0002${JSON.stringify(values)}` : values.join('\u0001')
      let list = groups.get(key)
      if (!list) {
        groups.set(key, (list = []))
        groupValues.set(key, values)
      }
      list.push({ id: hit.id, time: hit.time, which, value: valueAt >= 0 ? (hit.fields?.[valueAt] ?? '') : '' })
    }
  })
  const detections: Detection[] = []
  for (const [key, items] of groups) {
    items.sort((a, b) => a.time - b.time || a.which - b.which || a.id - b.id)
    let runs: number[][]
    if (spec.type === 'temporal_ordered') runs = orderedChains(items, spec.timespanMs, bases.length)
    else {
      const windows = spec.type === 'temporal'
        ? temporalWindows(items, spec.timespanMs, bases.length)
        : countWindows(items, spec.timespanMs, spec.condition!, spec.type === 'value_count')
      runs = windows.map(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k))
    }
    const values = groupValues.get(key)!
    const group = spec.groupBy.length > 0 ? Object.fromEntries(spec.groupBy.map((f, i) => [f, values[i]])) : undefined
    for (const run of runs) {
      const picked = run.map((k) => items[k])
      detections.push({ rule: ruleIndex, eventIds: [...new Set(picked.map((p) => p.id))], firstTime: picked[0].time, lastTime: picked[picked.length - 1].time, group })
    }
  }
  return detections
}
