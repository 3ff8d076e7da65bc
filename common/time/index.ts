// Times, in one place: the strict reading of an event's eventTime, the reading of a time a person
// types (queries, range inputs, the command line), and every way a time is shown, in UTC or any
// zone through Intl. Pure (no Node, no DOM), so main, the workers and the renderer share it.
export * from './event-time'
export * from './zone'
