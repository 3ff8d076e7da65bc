// The Open from S3 dialog's form: its fields, what a new form holds, and which fields are kept
// between sessions (renderer/state/persisted.ts) — the connection, not the dates, since a range
// is chosen each time. The dialog's store (s3-store.ts) holds the form; this is its shape.
import type { PersistOptions } from 'zustand/middleware'
import { kept, legacyJson } from './persisted'
import { presetRange } from './s3-range'

export const S3_FORM_KEY = 'ashiato.s3'
export const DEFAULT_CONCURRENCY = 16

export interface S3Form {
  /** '' is the default credential chain. */
  profile: string
  region: string
  endpointUrl: string
  bucket: string
  prefix: string
  from: string
  to: string
  concurrency: string
}

/** The fields kept between sessions. */
const REMEMBERED = ['profile', 'region', 'endpointUrl', 'bucket', 'prefix', 'concurrency'] as const
type RememberedForm = Pick<S3Form, (typeof REMEMBERED)[number]>

/** Changing one of these makes the discovered layout stale. */
export const LOCATION_FIELDS: readonly (keyof S3Form)[] = ['profile', 'region', 'endpointUrl', 'bucket', 'prefix']

/** A new form: the default chain and concurrency, the last 24 hours. */
export function initialForm(now = Date.now()): S3Form {
  return { profile: '', region: '', endpointUrl: '', bucket: '', prefix: '', concurrency: String(DEFAULT_CONCURRENCY), ...presetRange('last24h', now) }
}

/** The kept fields of a stored value that are text (anything else is left at the default). */
function storedForm(value: unknown): Partial<S3Form> {
  if (!value || typeof value !== 'object') return {}
  const out: Partial<S3Form> = {}
  for (const key of REMEMBERED) {
    const v = (value as Record<string, unknown>)[key]
    if (typeof v === 'string') out[key] = v
  }
  return out
}

/** `persist` options for a store that holds the form in `form`. */
export function keptS3Form<S extends { form: S3Form }>(): PersistOptions<S, { form: RememberedForm }> {
  return kept<S, { form: RememberedForm }>({
    name: S3_FORM_KEY,
    keep: (s) => ({ form: Object.fromEntries(REMEMBERED.map((k) => [k, s.form[k]])) as RememberedForm }),
    clean: (stored, current) => ({ form: { ...current.form, ...storedForm(stored.form) } }) as Partial<S>,
    // Before persist: the kept fields as a bare object.
    fromLegacy: (raw) => ({ form: legacyJson(raw) }),
  })
}
