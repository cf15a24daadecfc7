const OPEN = '\uE000'
const CLOSE = '\uE001'
const SLOT = /^\uE000(\d+)\uE001$/

/**
 * Placeholders for text, so that `feed` never sees an author's words.
 *
 * `feed` 6.0.0 mangles text on the way through (its XML writer turns a literal `&amp;` into
 * `&`, for one). This package writes RSS and Atom itself; for JSON Feed, `feed` gets a
 * placeholder for every piece of text (a number between two private-use characters, which
 * nothing in `feed` transforms), its JSON is parsed, and the real text put back. URLs and
 * dates, which `feed` handles well, are passed as they are.
 */
export class TextSlots {
  readonly #values: string[] = []

  /** The placeholder that stands for `text` until the JSON is filled. */
  add(text: string): string {
    this.#values.push(text)
    return `${OPEN}${this.#values.length - 1}${CLOSE}`
  }

  /** The text a placeholder stands for; undefined when `value` is not a placeholder. */
  read(value: string | null | undefined): string | undefined {
    const match = value == null ? null : SLOT.exec(value)
    return match ? this.#values[Number(match[1])] : undefined
  }

  /** Replaces every placeholder string in a JSON value with its text. */
  fillJson(value: unknown): unknown {
    if (typeof value === 'string') return value.includes(OPEN) ? this.#resolve(value) : value
    if (Array.isArray(value)) return value.map((entry) => this.fillJson(entry))
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, entry]) => [key, this.fillJson(entry)]),
      )
    }
    return value
  }

  #resolve(value: string): string {
    const text = this.read(value)
    // Every slot is passed whole; `feed` combining one with other text is a bug here.
    if (text === undefined)
      throw new Error(`A text placeholder was altered: ${JSON.stringify(value)}`)
    return text
  }
}
