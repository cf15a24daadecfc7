/** How long an article takes to read. */
export interface ReadingTime {
  /**
   * Whole minutes, at least 1: `words` at `WORDS_PER_MINUTE` plus `cjkCharacters` at
   * `CJK_CHARACTERS_PER_MINUTE`.
   */
  minutes: number
  /** Words of prose, code blocks excluded; text written without spaces (CJK) is not in it. */
  words: number
  /** Chinese, Japanese and Korean characters of prose (Han, kana, Hangul), code excluded. */
  cjkCharacters: number
}

/** An adult's silent reading speed for non-fiction, the figure most publishers use. */
export const WORDS_PER_MINUTE = 200

/**
 * Reading speed for Chinese, Japanese and Korean, counted in characters since these are
 * written without spaces between words (Korean has spaces, but its syllable blocks read at
 * about the same rate). Medium uses this figure; Velite's 265 words a minute at 0.56 words
 * a character comes to about 470.
 */
export const CJK_CHARACTERS_PER_MINUTE = 500

/**
 * Reading time for a number of words and of CJK characters.
 *
 * @example
 * computeReadingTime(600) // { minutes: 3, words: 600, cjkCharacters: 0 }
 * computeReadingTime(0, 2500) // { minutes: 5, words: 0, cjkCharacters: 2500 }
 */
export function computeReadingTime(words: number, cjkCharacters = 0): ReadingTime {
  const minutes = words / WORDS_PER_MINUTE + cjkCharacters / CJK_CHARACTERS_PER_MINUTE
  return { minutes: Math.max(1, Math.round(minutes)), words, cjkCharacters }
}

/** What a text holds for reading time, beside its space-separated words. */
export interface CjkCount {
  /** Han ideographs, kana and Hangul: each is read at `CJK_CHARACTERS_PER_MINUTE`. */
  characters: number
  /**
   * Space-separated runs made of CJK characters and punctuation only. A word count that
   * counts runs of non-space characters counts each of these as a word; subtract them, as
   * their characters are counted instead.
   */
  runs: number
}

/**
 * Counts the CJK characters of a text and the space-separated runs that hold nothing else,
 * in one pass without building strings (it runs over every article's prose).
 *
 * @example
 * countCjk('日本語の文章です。 and English') // { characters: 8, runs: 1 }
 * countCjk('Reactの使い方') // { characters: 4, runs: 0 }: a mixed run stays a word
 */
export function countCjk(text: string): CjkCount {
  let characters = 0
  let runs = 0
  let cjkInRun = false
  let otherInRun = false
  const endRun = () => {
    if (cjkInRun && !otherInRun) runs++
    cjkInRun = false
    otherInRun = false
  }
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index)
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
        index++
      }
    }
    if (isSpace(code)) endRun()
    else if (isCjk(code)) {
      characters++
      cjkInRun = true
    } else if (!isPunctuation(code)) otherInRun = true
  }
  endRun()
  return { characters, runs }
}

/** Words and CJK characters of prose, counted as text arrives in pieces. */
export interface ProseCounter {
  /** Counts a piece of text; a run of non-space characters may go on into the next piece. */
  add(text: string): void
  /** Ends the current run, as a space would (a line break, the end of a paragraph). */
  end(): void
  /** Space-separated runs so far, less those made of CJK characters and punctuation only. */
  readonly words: number
  /** CJK characters so far (see `countCjk`). */
  readonly cjkCharacters: number
}

/**
 * A counter whose totals over the pieces of a text, ended at the end of the text, are
 * `words` (runs of non-space characters) less `countCjk`'s `runs`, and `countCjk`'s
 * `characters`: the figures a reading time takes, in one pass, without joining the pieces
 * into a string first. ASCII, most of any article, takes a short path.
 *
 * @example
 * const counter = createProseCounter()
 * counter.add('日本語の文章です。 and Eng'); counter.add('lish'); counter.end()
 * counter.words // 2; counter.cjkCharacters // 8
 */
export function createProseCounter(): ProseCounter {
  let words = 0
  let cjkCharacters = 0
  // The run of non-space characters under way, and what it holds so far.
  let inRun = false
  let cjkInRun = false
  let otherInRun = false
  return {
    add(text) {
      // Locals, not the closure's variables, in the loop: it runs over every character.
      let count = words
      let cjk = cjkCharacters
      let run = inRun
      let cjkRun = cjkInRun
      let otherRun = otherInRun
      const length = text.length
      for (let index = 0; index < length; index++) {
        let code = text.charCodeAt(index)
        if (code < 0x80) {
          if (code === 32 || (code >= 9 && code <= 13)) {
            if (run && (otherRun || !cjkRun)) count++
            run = false
            cjkRun = false
            otherRun = false
          } else {
            run = true
            if (!otherRun && !isPunctuation(code)) otherRun = true
          }
          continue
        }
        if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) {
          const low = text.charCodeAt(index + 1)
          if (low >= 0xdc00 && low <= 0xdfff) {
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
            index++
          }
        }
        if (isSpace(code)) {
          if (run && (otherRun || !cjkRun)) count++
          run = false
          cjkRun = false
          otherRun = false
        } else {
          run = true
          if (isCjk(code)) {
            cjk++
            cjkRun = true
          } else if (!isPunctuation(code)) otherRun = true
        }
      }
      words = count
      cjkCharacters = cjk
      inRun = run
      cjkInRun = cjkRun
      otherInRun = otherRun
    },
    end() {
      if (inRun && (otherInRun || !cjkInRun)) words++
      inRun = false
      cjkInRun = false
      otherInRun = false
    },
    get words() {
      return words
    },
    get cjkCharacters() {
      return cjkCharacters
    },
  }
}

/** Han (with its radicals and ideographic marks such as 々 and 〇), kana, Hangul, Bopomofo. */
function isCjk(code: number): boolean {
  if (code < 0x1100) return false
  return (
    (code >= 0x1100 && code <= 0x11ff) || // Hangul Jamo
    (code >= 0x2e80 && code <= 0x2fdf) || // CJK and Kangxi radicals
    (code >= 0x3005 && code <= 0x3007) || // 々 〆 〇
    (code >= 0x3041 && code <= 0x30ff && code !== 0x30fb) || // kana, less the middle dot ・
    (code >= 0x3100 && code <= 0x318f) || // Bopomofo, Hangul compatibility jamo
    (code >= 0x31f0 && code <= 0x31ff) || // small katakana
    (code >= 0x3400 && code <= 0x4dbf) || // Han extension A
    (code >= 0x4e00 && code <= 0x9fff) || // Han
    (code >= 0xac00 && code <= 0xd7ff) || // Hangul syllables and jamo extension B
    (code >= 0xf900 && code <= 0xfaff) || // Han compatibility
    (code >= 0xff66 && code <= 0xffdc) || // half-width katakana and Hangul
    (code >= 0x1b000 && code <= 0x1b16f) || // kana supplement
    (code >= 0x20000 && code <= 0x3ffff) // Han extensions B and later
  )
}

/** The spaces a word count splits on: ASCII and Unicode spaces, the ideographic space too. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** ASCII, general, CJK and full-width punctuation: none of it makes a run a word. */
function isPunctuation(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e) ||
    (code >= 0x2010 && code <= 0x205e) ||
    (code >= 0x3001 && code <= 0x3004) ||
    (code >= 0x3008 && code <= 0x303f) ||
    code === 0x30fb ||
    (code >= 0xff01 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65)
  )
}

/**
 * What a reading time counts, in words for a message: `336 words`, `2,400 CJK characters`,
 * or both.
 */
export function describeReadingAmount(readingTime: ReadingTime): string {
  const words = `${readingTime.words.toLocaleString('en')} words`
  const characters = `${readingTime.cjkCharacters.toLocaleString('en')} CJK characters`
  if (readingTime.cjkCharacters === 0) return words
  return readingTime.words === 0 ? characters : `${words} and ${characters}`
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

/**
 * The reading time to show readers, in minutes: the author's `read_time` when it is close
 * to the computed time (close enough that `check` does not warn), else the computed time.
 * Cards and pages both show this figure.
 *
 * @example
 * readingMinutes({ readingTime: { minutes: 2 }, read_time: '3 min read' }) // 3
 * readingMinutes({ readingTime: { minutes: 2 }, read_time: '10 min read' }) // 2
 */
export function readingMinutes(article: {
  readingTime: { minutes: number }
  read_time?: string | undefined
}): number {
  const computed = Math.max(1, Math.round(article.readingTime.minutes))
  const declared = parseReadTime(article.read_time)
  return declared !== undefined && !isReadTimeFarOff(declared, computed)
    ? Math.max(1, declared)
    : computed
}
