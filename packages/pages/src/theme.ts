/**
 * The page background of each colour scheme: what `theme-color` announces to browsers (the
 * address bar, the task switcher) and what the web manifest and the icons' opaque
 * backgrounds use. The stylesheet's `--bg` of each scheme is the same colour (a test keeps
 * them in step), so the browser's chrome meets the page without a seam.
 */
export const THEME_COLORS = { light: '#fbfaf7', dark: '#0b1020' } as const

/** The icons a build wrote for the site, which every page's `<head>` then links. */
export interface SiteIcons {
  /** `/favicon.svg` was written (the logo is an SVG), to be linked as a scalable icon. */
  svg: boolean
}

/**
 * What the build wrote beside the pages that the pages link to. Each is off unless the
 * build says it wrote it: a page never links to a file that is not there.
 */
export interface PageAssets {
  /** `/favicon.ico`, `/apple-touch-icon.png` and `/manifest.webmanifest` (with its icons). */
  icons?: SiteIcons | undefined
  /** The Pagefind index under `/pagefind/`: the search page, and a search box on the home page. */
  search?: boolean | undefined
}
