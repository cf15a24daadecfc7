import { isAbsolute, relative } from 'node:path'

/**
 * A path as messages show it: relative to the working directory when it is below it, else
 * absolute (`../../../tmp/a.md` helps nobody find the file), the rule core's problems follow.
 */
export function shownPath(path: string): string {
  const shown = relative(process.cwd(), path)
  if (shown === '') return '.'
  return shown === '..' || shown.startsWith('../') || shown.startsWith('..\\') || isAbsolute(shown)
    ? path
    : shown
}
