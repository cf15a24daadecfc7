import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startDevServer } from '@dawnpress/site'
import { closeOnSignal, readServerArgs } from './args.ts'
import { CACHE_DIR, CONTENT_DIR } from './paths.ts'

const args = readServerArgs(4321)
// A content folder holds `articles/` and `site.json`; a bare folder of articles works too.
const content = resolve(args.content ?? CONTENT_DIR)
const articles = join(content, 'articles')
const siteFile = join(content, 'site.json')
const server = await startDevServer({
  contentDir: existsSync(articles) && statSync(articles).isDirectory() ? articles : content,
  siteFile: existsSync(siteFile) ? siteFile : undefined,
  port: args.port,
  host: args.host,
  cacheDir: CACHE_DIR,
})
process.stdout.write(`dawnpress dev: serving ${server.url} (Ctrl+C to stop)\n`)
closeOnSignal(server.close)
