// The filter query language, shared by the renderer (instant syntax feedback, facet clicks) and
// main (evaluation). See docs/query-language.md.

export * from './ast'
export * from './fields'
export * from './parser'
export * from './facet-query'
export { tokenize, type Token } from './tokenizer'
export * from './special-fields'
