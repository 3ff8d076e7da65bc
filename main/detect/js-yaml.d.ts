// js-yaml 4 ships no type declarations (and @types/js-yaml is not installed): the two calls used.
declare module 'js-yaml' {
  export function load(text: string, options?: { json?: boolean; filename?: string }): unknown
  export function loadAll(text: string, iterator?: null, options?: { json?: boolean; filename?: string }): unknown[]
}
