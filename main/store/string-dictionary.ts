// The one table of strings behind every string column: a column holds codes, the dictionary
// their strings. Code 0 is '' (the field is absent). One table for all columns, so a value that
// appears as both, say, a user and a resource name is stored once, and a query worker's mirror
// receives only the strings appended since its last update.

export class StringDictionary {
  private strings: string[] = ['']
  private index = new Map<string, number>([['', 0]])

  /** The string of a code ('' means absent). */
  value(code: number): string {
    return this.strings[code]
  }

  /** The code of a string, or -1 when no event has it in any column. */
  codeOf(value: string): number {
    return this.index.get(value) ?? -1
  }

  /** Number of distinct strings (codes are below this). */
  get size(): number {
    return this.strings.length
  }

  /** The code of a string, adding it when new. */
  intern(value: string): number {
    let code = this.index.get(value)
    if (code === undefined) {
      code = this.strings.length
      this.strings.push(value)
      this.index.set(value, code)
    }
    return code
  }

  /** The codes of a sender's strings (appending to `into`, a sender's running table, from `from`). */
  internAll(strings: readonly string[], into?: Uint32Array, from = 0): Uint32Array {
    const table = into ?? new Uint32Array(strings.length)
    for (let i = 0; i < strings.length; i++) table[from + i] = this.intern(strings[i])
    return table
  }

  /** In a query worker's mirror: takes the main thread's codes `from`, `from + 1`, ... as they are. */
  adopt(from: number, strings: readonly string[]): void {
    strings.forEach((value, i) => {
      const code = from + i
      this.strings[code] = value
      this.index.set(value, code)
    })
  }
}
