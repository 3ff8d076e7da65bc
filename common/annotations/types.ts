/** What the viewer says about one CloudTrail field: a few words inline, more on hover. */
export interface Annotation {
  /** Shown muted after the field's line. A few words. */
  short: string
  /** Shown on hover. One to three sentences, plain text. */
  long: string
}
