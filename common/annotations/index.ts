// The field catalogue, by language, and how a JSON path finds its entry.
import type { Language } from '../i18n'
import type { Annotation } from './types'
import { en, type AnnotationKey } from './en'
import { ja } from './ja'
import { SINCE } from './since'

export type { Annotation, AnnotationKey }
export { SINCE }

export const ANNOTATIONS: Record<Language, Record<AnnotationKey, Annotation>> = { en, ja }

/** The catalogue key of a JSON path: array positions become [] (resources[2].ARN -> resources[].ARN). */
export function catalogueKey(path: string): string {
  return path.replace(/\[\d+\]/g, '[]')
}

/** The annotation of a JSON path in a language, or undefined for fields the catalogue does not know. */
export function annotationFor(path: string, language: Language): Annotation | undefined {
  const key = catalogueKey(path)
  const catalogue = ANNOTATIONS[language] as Record<string, Annotation>
  return Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : undefined
}

/** The eventVersion a field first appeared in, when the AWS record contents page dates it. */
export function sinceVersion(path: string): string | undefined {
  const key = catalogueKey(path)
  return Object.prototype.hasOwnProperty.call(SINCE, key) ? SINCE[key as AnnotationKey] : undefined
}
