/**
 * The Node.js flags to start a worker thread with, for `new Worker(url, { execArgv })`.
 * A worker inherits the process's flags when given none, and refuses only what is for the
 * main script, such as `--input-type`; given a list, it refuses V8's flags instead (the
 * `--max-old-space-size` of `node --max-old-space-size=4096 dawnpress build`). So: none
 * (inherit them all) unless there is a main-script flag to drop.
 */
export function workerExecArgv(
  execArgv: readonly string[] = process.execArgv,
): string[] | undefined {
  const kept = execArgv.filter((flag) => !flag.startsWith('--input-type'))
  return kept.length === execArgv.length ? undefined : kept
}
