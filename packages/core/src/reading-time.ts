/** How long an article takes to read. */
export interface ReadingTime {
  /** Whole minutes at `WORDS_PER_MINUTE`, at least 1. */
  minutes: number
  /** Words of prose; code blocks are not counted. */
  words: number
}

/** An adult's silent reading speed for non-fiction, the figure most publishers use. */
export const WORDS_PER_MINUTE = 200

/** Reading time for a number of words. */
export function computeReadingTime(words: number): ReadingTime {
  return { minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)), words }
}

/** The minutes in a declared `read_time` such as "10 min read", or undefined. */
export function parseReadTime(readTime: string | undefined): number | undefined {
  const match = readTime === undefined ? null : /^(\d+) min read$/.exec(readTime)
  return match ? Number(match[1]) : undefined
}

/**
 * Whether a declared reading time is far from the computed one: off by at least two minutes
 * and by more than half of the computed figure. Small differences are a matter of taste.
 */
export function isReadTimeFarOff(declared: number, computed: number): boolean {
  const difference = Math.abs(declared - computed)
  return difference >= 2 && difference > computed / 2
}
