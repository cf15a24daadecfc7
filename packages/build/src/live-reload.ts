import type { ServerResponse } from 'node:http'
import type { Problem } from '@dawnpress/core'
import { html, raw, type SafeHtml } from '@dawnpress/pages'

/** The dev server's event stream; the injected script listens on it. */
export const EVENTS_PATH = '/__dawnpress/events'

/**
 * Server-Sent Events to every open page. Each build has a version; a page remembers the one
 * it was served with and reloads as soon as the server announces another, which also covers
 * builds that finished while the page was loading and a restarted server.
 */
export function createReloadChannel() {
  const clients = new Set<ServerResponse>()
  let version = 0

  function write(client: ServerResponse) {
    client.write(`event: version\ndata: ${version}\n\n`)
  }

  return {
    /** The current build's version. */
    version: () => version,
    /** Announces a new build to every open page. */
    announce() {
      version++
      for (const client of clients) write(client)
    },
    /** Answers a request for the event stream and keeps it open. */
    connect(response: ServerResponse) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      })
      response.write('retry: 500\n\n')
      write(response)
      clients.add(response)
      response.on('close', () => clients.delete(response))
    },
    /** Ends every open stream, so that the server can close. */
    close() {
      for (const client of clients) client.end()
      clients.clear()
    },
  }
}

/** The script injected into every page in dev: reload when the build changes. */
export function renderReloadScript(version: number): SafeHtml {
  return html`<script type="module" data-dawnpress-dev>
const served = ${raw(String(version))}
const events = new EventSource(${raw(JSON.stringify(EVENTS_PATH))})
events.addEventListener('version', (event) => {
  if (Number(event.data) !== served) location.reload()
})
document.addEventListener('click', (event) => {
  if (event.target.closest('[data-dawnpress-dismiss]')) document.getElementById('dawnpress-overlay')?.remove()
})
</script>`
}

const OVERLAY_STYLE = `#dawnpress-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:4vh 4vw;background:rgb(11 16 32/.82);font:15px/1.5 ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;color:#f5f3ee}
#dawnpress-overlay .dp-panel{max-width:60rem;margin:0 auto;padding:1.5rem 1.75rem;border-radius:12px;background:#151b2e;border-top:4px solid #f87171;box-shadow:0 20px 60px rgb(0 0 0/.5)}
#dawnpress-overlay p{margin:0 0 1rem;color:#cbd5e1;font-family:system-ui,sans-serif}
#dawnpress-overlay h2{margin:0 0 .5rem;font:600 1.25rem/1.3 system-ui,sans-serif;color:#fecaca}
#dawnpress-overlay ol{margin:0;padding:0;list-style:none}
#dawnpress-overlay li{padding:.75rem 0;border-top:1px solid #2a3150}
#dawnpress-overlay .dp-where{color:#93c5fd}
#dawnpress-overlay .dp-code{color:#fca5a5;font-weight:700}
#dawnpress-overlay .dp-hint{color:#a5b4c8}
#dawnpress-overlay button{margin-top:1rem;padding:.4rem .9rem;border:1px solid #475569;border-radius:8px;background:transparent;color:inherit;font:inherit;cursor:pointer}`

/**
 * A full-window panel listing content errors, shown over the page in dev until they are
 * fixed. Warnings are left to the terminal.
 */
export function renderErrorOverlay(problems: readonly Problem[], failure?: string): SafeHtml {
  const errors = problems.filter((problem) => problem.severity === 'error')
  if (errors.length === 0 && failure === undefined) return html``
  const count = errors.length + (failure === undefined ? 0 : 1)
  return html`<div id="dawnpress-overlay" role="alertdialog" aria-modal="true" aria-labelledby="dawnpress-overlay-title">
<style>${raw(OVERLAY_STYLE)}</style>
<div class="dp-panel">
<h2 id="dawnpress-overlay-title">${count === 1 ? '1 error' : `${count} errors`}</h2>
<p>Pages show the last valid version of these files. Save a fix and this page reloads.</p>
<ol>${failure !== undefined && html`<li><div class="dp-code">BUILD</div><div>${failure}</div></li>`}${errors.map(
    (problem) =>
      html`<li><div><span class="dp-where">${problem.file}:${problem.line}:${problem.column}</span> <span class="dp-code">${problem.code}</span></div><div>${problem.message}</div><div class="dp-hint">${problem.hint}</div></li>`,
  )}</ol>
<button type="button" data-dawnpress-dismiss>Dismiss</button>
</div>
</div>`
}

/** What the dev server adds to each page: the overlay of `problems`' errors and the reload script. */
export function renderDevMarkup(problems: readonly Problem[], version: number): SafeHtml {
  return html`${renderErrorOverlay(problems)}${renderReloadScript(version)}`
}

/** Puts dev-only markup just before `</body>`, or at the end when there is none. */
export function injectBeforeBodyEnd(page: string, markup: SafeHtml): string {
  const index = page.lastIndexOf('</body>')
  return index === -1
    ? page + markup.value
    : `${page.slice(0, index)}${markup.value}\n${page.slice(index)}`
}
