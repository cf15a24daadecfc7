/**
 * `@dawnpress/og/internal`: a card's steps one by one, for dawnpress's own benchmark, which
 * times layout (the template, text fitting and satori), rasterising and PNG encoding apart.
 * Not part of the public API: it may change in any release. Use `createCardRenderer`.
 */
export type { DrawnCard, DrawOptions } from './draw.ts'
export { createCardDrawer } from './draw.ts'
export { rasteriseCard } from './raster.ts'
