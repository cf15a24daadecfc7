declare const __VERSION__: string | undefined

/** The command line's version, set by its build from package.json (`0.0.0` when run from source). */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0'
