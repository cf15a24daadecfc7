import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import { startPreviewServer } from '@dawnpress/site'
import { closeOnSignal, readServerArgs } from './args.ts'
import { DIST_DIR } from './paths.ts'

const { port, host } = readServerArgs(4173)
if (!existsSync(DIST_DIR)) {
  process.stderr.write('There is no built site in apps/site/dist yet. Run "pnpm build" first.\n')
  process.exit(1)
}
const server = await startPreviewServer({ dir: DIST_DIR, port, host })
process.stdout.write(
  `Previewing ${relative(process.cwd(), DIST_DIR) || DIST_DIR} at ${server.url} (Ctrl+C to stop)\n`,
)
closeOnSignal(server.close)
