// The UI's languages and their strings. Pure data and a tiny formatter: no React here.
import { en, type MessageKey, type Messages } from './en'
import { ja } from './ja'
import { formatWith, type MessageValues } from './message-format'

export type Language = 'en' | 'ja'
export type { MessageKey, Messages, MessageValues }
export { countValue, placeholders } from './message-format'
export { formatRelativeTime } from './relative-time'
export { crashReasonText } from './crash-reasons'

export const LANGUAGES: readonly Language[] = ['en', 'ja']

export const MESSAGES: Record<Language, Messages> = { en, ja }

/** The language to start in for a BCP 47 tag such as navigator.language: ja* is Japanese. */
export function languageForLocale(locale: string | undefined | null): Language {
  return locale && locale.toLowerCase().startsWith('ja') ? 'ja' : 'en'
}

// Which catalogue a plural template comes from, so its forms are chosen by that language's
// rules without every call site passing the language (callers hold `t`, the current language's
// strings; the template itself says which language it is in).
const TEMPLATE_LANGUAGE = new Map<string, Language>()
for (const language of LANGUAGES) {
  for (const template of Object.values(MESSAGES[language])) if (template.includes(', plural,')) TEMPLATE_LANGUAGE.set(template, language)
}

/**
 * Fills `{name}` placeholders and `{n, plural, one {…} other {…}}` forms (message-format.ts);
 * unknown names are left as they are. Plural forms follow `language`, by default the language of
 * the catalogue the template comes from (English for a template from nowhere).
 */
export function formatMessage(template: string, values: MessageValues, language?: Language): string {
  return formatWith(language ?? TEMPLATE_LANGUAGE.get(template) ?? 'en', template, values)
}
