import type { HtmlChange, HtmlChangeCode } from './html-changes.ts'
import { quote } from './problems.ts'

/** The problem codes of what the renderer tells about a body; all are warnings. */
export type RenderNoteCode = HtmlChangeCode | 'CODE_LANGUAGE_UNKNOWN' | 'IMAGE_ALT_MISSING'

/**
 * Something the renderer changed in a body or could not do as written, and where: a
 * change to raw HTML (`HtmlChange`), a code block in a language it cannot highlight, or an
 * image without a text alternative.
 */
export interface RenderNote extends Omit<HtmlChange, 'code'> {
  code: RenderNoteCode
}

/** What markdown-it's `env` collects while one body renders. */
export interface RenderNotesEnv {
  /** Notes in the order made; sorted by position when the body is done. */
  htmlChanges?: RenderNote[]
}

/** Appends a note to the body's list. */
export function addNote(env: RenderNotesEnv, note: RenderNote): void {
  env.htmlChanges ??= []
  env.htmlChanges.push(note)
}

/** A code block names a language that has no grammar: it is shown as plain text. */
export function unknownLanguage(
  name: string,
  at: { line: number; column: number },
  suggestion: string | undefined,
): RenderNote {
  return {
    code: 'CODE_LANGUAGE_UNKNOWN',
    ...at,
    message: `The code block's language ${quote(name)} is not one dawnpress can highlight, so the block is shown as plain text.`,
    hint:
      suggestion === undefined
        ? 'Use a language name Shiki knows (such as ts, python, bash or json), or "text" for plain text.'
        : `Did you mean "${suggestion}"? Otherwise use "text" for plain text.`,
  }
}
