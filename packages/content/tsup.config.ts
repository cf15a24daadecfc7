import { contentTsupOptions } from '@dawnpress/bundle'
import { defineConfig } from 'tsup'

export default defineConfig(contentTsupOptions({ sourceDir: 'generated' }))
