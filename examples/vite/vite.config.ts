import { dawnpress } from '@dawnpress/vite'
import { defineConfig } from 'vite'

// The content package of content/ is generated into .dawnpress/content and imported as
// '@content'; each article's social card is drawn into public/dawnpress/og/.
export default defineConfig({
  plugins: [dawnpress({ cards: true })],
})
