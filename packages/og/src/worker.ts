import { parentPort, workerData } from 'node:worker_threads'
import { writeCacheEntry } from './card-file.ts'
import { createCardRenderer } from './render.ts'
import {
  type CardJob,
  importTemplate,
  type WorkerReply,
  type WorkerSetup,
} from './worker-protocol.ts'

// The entry of the worker threads that writeCards starts: never imported by the library.
// Each worker keeps one renderer, so its fonts are read and parsed once for all its cards.
if (parentPort) {
  const port = parentPort
  const setup = workerData as WorkerSetup
  const renderer = (async () =>
    createCardRenderer({
      site: setup.site,
      siteDir: setup.siteDir,
      fonts: setup.fonts,
      template: setup.templateModule ? await importTemplate(setup.templateModule) : undefined,
    }))()
  port.on('message', async (job: CardJob) => {
    let reply: WorkerReply
    try {
      const { png, warnings } = await (await renderer).renderWithWarnings(job.article)
      await writeCacheEntry(job.file, png, warnings)
      reply = { warnings }
    } catch (error) {
      reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
    }
    port.postMessage(reply)
  })
}
