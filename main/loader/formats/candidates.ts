// What the structural walk finds: byte ranges that hold an event, before anything is parsed.
// Parsing is deferred to a second pass so that the walk can take back what it found inside an
// object which turns out, at a later key, to be an event itself (nested look-alikes such as an
// Insight event's insightDetails must not become events of their own).

/** The range is the event's own JSON text. */
export const ORIGINAL = 0
/** The range is a JSON string literal whose value is the event's text (lookup-events' CloudTrailEvent). */
export const EMBEDDED = 1

export class Candidates {
  /** Flat [start, end, kind] triples: small integers in a packed array, cheap to grow and cut. */
  private triples: number[] = []
  /** A top-level `[]`, or an empty Records/Events list: a file of no events on purpose. */
  sawEmptyList = false
  /** A top-level key of a CloudTrail digest file (digestStartTime, ...). */
  sawDigestKey = false

  get count(): number {
    return this.triples.length / 3
  }

  add(start: number, end: number, kind: number): void {
    this.triples.push(start, end, kind)
  }

  /** Forgets everything found after the first `count` candidates. */
  truncate(count: number): void {
    this.triples.length = count * 3
  }

  start(index: number): number {
    return this.triples[index * 3]
  }

  end(index: number): number {
    return this.triples[index * 3 + 1]
  }

  kind(index: number): number {
    return this.triples[index * 3 + 2]
  }
}
