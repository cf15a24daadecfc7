import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

export default defineConfig(defineBase())
