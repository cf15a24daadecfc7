import { mkdirSync } from 'node:fs'
import { ProblemError } from '@dawnpress/core'
import { problemAt } from '@dawnpress/core/internal'
import { lock } from 'proper-lockfile'
import { lockFile } from './build-state.ts'
import { shownPath } from './shown-path.ts'

/** How long a build waits for another build of the same cache to finish. @default 10 minutes */
const WAIT_MS = 10 * 60 * 1000

/**
 * Takes the cache folder's build lock, waiting while another build (another terminal, a
 * second CI step) holds it, so that two builds never interleave their writes to one output
 * and cache. A lock left by a process that died is taken over once it is stale. Resolves
 * with the function that releases it.
 */
export async function acquireBuildLock(
  cacheDir: string,
  onWait?: () => void,
): Promise<() => Promise<void>> {
  mkdirSync(cacheDir, { recursive: true })
  const started = Date.now()
  let told = false
  for (;;) {
    try {
      const release = await lock(cacheDir, {
        lockfilePath: lockFile(cacheDir),
        realpath: false,
        stale: 10_000,
        // A lock this process can no longer refresh (a suspended laptop, say) is reported
        // by the next build that takes it over; throwing here would crash from a timer.
        onCompromised: () => {},
      })
      return () => release().catch(() => {})
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
      if (Date.now() - started > WAIT_MS) {
        throw new ProblemError([
          problemAt(
            shownPath(cacheDir),
            'BUILD_LOCKED',
            `Another dawnpress build has held the cache folder for more than ${WAIT_MS / 60_000} minutes.`,
            `Wait for it to finish, or stop it; if no build is running, delete ${shownPath(lockFile(cacheDir))}.`,
          ),
        ])
      }
      if (!told) onWait?.()
      told = true
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}
