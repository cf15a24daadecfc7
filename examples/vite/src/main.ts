import './style.css'
import { renderPage } from './render.ts'

/** Renders the page of the current path into `<main>`, in `vite dev` and in the built site. */
async function show(): Promise<void> {
  const app = document.querySelector('#app')
  if (app === null) return
  const page = await renderPage(location.pathname)
  document.title = page?.title ?? 'Not found'
  app.innerHTML = page?.body ?? '<h1>Not found</h1><p><a href="/">All notes</a></p>'
}

void show()

// A save in content/ rebuilds the content package, and the plugin sends the update here
// through '@content' and render.ts: render the page again, without reloading it.
if (import.meta.hot) import.meta.hot.accept()
