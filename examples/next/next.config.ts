import { withDawnpress } from '@dawnpress/next'

// The content package of content/ is built into .dawnpress/content before `next build` and
// on every save during `next dev`; each article's social card is drawn into public/dawnpress/og/.
export default withDawnpress(
  { output: 'export', trailingSlash: true, images: { unoptimized: true } },
  { cards: true },
)
