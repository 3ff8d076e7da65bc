// The one typed contract between the renderer and the services (Electron main, or the web-mode
// server over a WebSocket), split by concern under common/contract/: each concern declares its
// calls as valibot schemas (define-call.ts), and calls.ts derives the rest. This index re-exports
// it all, so every side imports the contract from one place.

export * from './contract/define-call'
export * from './contract/loading'
export * from './contract/views'
export * from './contract/fields'
export * from './contract/s3'
export * from './contract/export'
export * from './contract/integrity'
export * from './contract/identity'
export * from './contract/detections'
export * from './contract/shell'
export * from './contract/calls'
export * from './contract/pushes'
export * from './contract/api'
