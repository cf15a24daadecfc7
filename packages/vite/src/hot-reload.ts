import { sep } from 'node:path'
import type { EnvironmentModuleNode, ViteDevServer } from 'vite'

/**
 * Tells every environment of the dev server that the content package in `packageDir` was
 * written again. Each of its modules that was loaded is invalidated, and its entry `entry`
 * is reloaded through Vite's HMR: the update reaches the modules that import the content
 * (and the bodies they loaded, which are fetched afresh), up to the nearest module that
 * accepts hot updates; without one, the page reloads. The dev server itself never restarts.
 *
 * When no environment has loaded any module of the package yet (the first build failed, so
 * the import could not be resolved), the browser reloads the page instead.
 */
export async function reloadContent(
  server: ViteDevServer,
  packageDir: string,
  entry: string,
): Promise<void> {
  const prefix = packageDir.endsWith(sep) ? packageDir : `${packageDir}${sep}`
  const timestamp = Date.now()
  let found = false
  for (const environment of Object.values(server.environments)) {
    const graph = environment.moduleGraph
    const loaded: EnvironmentModuleNode[] = []
    for (const [file, modules] of graph.fileToModulesMap) {
      if (file.startsWith(prefix)) loaded.push(...modules)
    }
    if (loaded.length === 0) continue
    found = true
    const seen = new Set<EnvironmentModuleNode>()
    // Bodies first, with the HMR timestamp, so that the entry's import() of each is new.
    for (const module of loaded) {
      if (module.file !== entry) graph.invalidateModule(module, seen, timestamp, true)
    }
    const entries = loaded.filter((module) => module.file === entry)
    // A body whose entry was never loaded (imported on its own) is reloaded itself.
    for (const module of entries.length > 0 ? entries : loaded) {
      await environment.reloadModule(module)
    }
  }
  if (!found) server.environments.client.hot.send({ type: 'full-reload', path: '*' })
}
