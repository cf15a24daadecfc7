import * as satoriModule from 'satori'

// Satori's CommonJS build sets `exports.default`; a CommonJS importer (our require build)
// sees all of `exports` as the default export, so the function is one level further down.
/** Satori's render function, however this package was loaded. */
export const satori: typeof satoriModule.default =
  typeof satoriModule.default === 'function'
    ? satoriModule.default
    : (satoriModule.default as unknown as { default: typeof satoriModule.default }).default

export type { SatoriNode, SatoriOptions } from 'satori'
