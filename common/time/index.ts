// Times, in one place: the strict reading of an event's eventTime (event-time.ts), the one
// reading of a time a person types or an event holds (parse.ts), every way a time is shown
// (format.ts), all on one calendar (calendar.ts) and Intl's zones (zone.ts). Pure (no Node, no
// DOM), so main, the workers and the renderer share it.
export { daysInMonth, wallMs } from './calendar'
export * from './event-time'
export * from './format'
export * from './parse'
export * from './zone'
