import { Worker } from 'node:worker_threads'
import { workerExecArgv } from '@dawnpress/core/internal'
import type { CardWarning } from './warnings.ts'
import type { CardJob, WorkerReply, WorkerSetup } from './worker-protocol.ts'

// Built beside this file by tsup (`dist/worker.js`); the CJS build shims import.meta.url.
const WORKER_URL = new URL('./worker.js', import.meta.url)

/**
 * Renders jobs on `count` worker threads. Each worker takes the next job when it is done
 * with one, so a slow CJK card never holds up the rest, and only one job per worker is in
 * flight, so memory does not grow with the number of cards. The first failure stops all.
 */
export async function renderInWorkers(
  jobs: readonly CardJob[],
  count: number,
  setup: WorkerSetup,
  onDone: (job: CardJob, warnings: CardWarning[]) => Promise<void>,
): Promise<void> {
  let next = 0
  const workers = Array.from({ length: Math.min(count, jobs.length) }, () => startWorker(setup))
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < jobs.length) {
          const job = jobs[next++] as CardJob
          await onDone(job, await worker.run(job))
        }
      }),
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.close()))
  }
}

interface CardWorker {
  run(job: CardJob): Promise<CardWarning[]>
  close(): Promise<void>
}

function startWorker(setup: WorkerSetup): CardWorker {
  const execArgv = workerExecArgv()
  const worker = new Worker(WORKER_URL, { workerData: setup, execArgv })
  let pending:
    | { job: CardJob; resolve: (warnings: CardWarning[]) => void; reject: (error: Error) => void }
    | undefined
  let failure: Error | undefined

  const fail = (error: Error) => {
    failure ??= error
    pending?.reject(error)
    pending = undefined
  }
  worker.on('message', (reply: WorkerReply) => {
    const current = pending
    pending = undefined
    if (!current) return
    if ('error' in reply) {
      current.reject(
        new Error(
          `Rendering the social card of "${current.job.article.slug}" failed.\n${reply.error}`,
        ),
      )
    } else current.resolve(reply.warnings)
  })
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`A card worker thread stopped (exit code ${code}).`)))

  return {
    run(job) {
      if (failure) return Promise.reject(failure)
      return new Promise((resolve, reject) => {
        pending = { job, resolve, reject }
        worker.postMessage(job)
      })
    },
    async close() {
      worker.removeAllListeners('exit')
      await worker.terminate()
    },
  }
}
