// The UI's languages and their strings. Pure data and a tiny formatter: no React here.
import { en, type MessageKey, type Messages } from './en'
import { ja } from './ja'

export type Language = 'en' | 'ja'
export type { MessageKey, Messages }

export const LANGUAGES: readonly Language[] = ['en', 'ja']

export const MESSAGES: Record<Language, Messages> = { en, ja }

/** The language to start in for a BCP 47 tag such as navigator.language: ja* is Japanese. */
export function languageForLocale(locale: string | undefined | null): Language {
  return locale && locale.toLowerCase().startsWith('ja') ? 'ja' : 'en'
}

/** Fills `{name}` placeholders; unknown names are left as they are. */
export function formatMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}

/** The placeholder names a template uses, sorted (for the parity test). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}
