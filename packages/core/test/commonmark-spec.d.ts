// commonmark-spec ships no types; this is the part of its API the spec test reads.
declare module 'commonmark-spec' {
  export interface SpecExample {
    markdown: string
    html: string
    section: string
    number: number
  }
  export const tests: SpecExample[]
  export const text: string
}
