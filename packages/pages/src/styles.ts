/**
 * The site's stylesheet. Light and dark palettes follow the reader's system setting; the
 * measure of the text column stays near 70 characters; every interactive element has a
 * visible focus ring. System font stacks only: nothing is downloaded. Sides are logical
 * (`margin-inline-start`, `border-inline-start`, `text-align: start`), so that a page in
 * Arabic or Hebrew (`dir="rtl"`) is the mirror of one in English. No page is wider than a
 * 360 px screen: long words and URLs wrap, and tables and code scroll in their own box.
 */
export const STYLESHEET = `:root {
  color-scheme: light dark;
  --bg: #fbfaf7;
  --surface: #f2efe8;
  --text: #1d1b18;
  --muted: #625d54;
  --border: #e2ddd2;
  --accent: #a3470a;
  --accent-strong: #7c3406;
  --accent-soft: #fbead3;
  --code-bg: #f2efe8;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, "Iowan Old Style", Georgia, "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", sans-serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
  --measure: 42rem;
  --wide: 68rem;
  --radius: 0.75rem;
}

@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0b1020;
    --surface: #121a30;
    --text: #ebe7de;
    --muted: #a2a7b7;
    --border: #232c47;
    --accent: #fbbf24;
    --accent-strong: #fcd34d;
    --accent-soft: #2b2410;
    --code-bg: #101729;
  }
}

*, *::before, *::after { box-sizing: border-box; }

html {
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}

body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
  font: 1rem/1.6 var(--sans);
  min-height: 100vh;
  display: flex;
  flex-direction: column;
}

main { flex: 1; padding-block: 2.5rem 4rem; }

a { color: var(--accent); text-underline-offset: 0.18em; text-decoration-thickness: 0.06em; }
a:hover { color: var(--accent-strong); text-decoration-thickness: 0.12em; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 3px; border-radius: 4px; }

.wrap { width: min(100% - 2.5rem, var(--wide)); margin-inline: auto; }

.skip-link {
  position: absolute;
  inset-inline-start: 1rem;
  top: -4rem;
  padding: 0.5rem 1rem;
  background: var(--text);
  color: var(--bg);
  border-radius: 0.5rem;
  z-index: 10;
}
.skip-link:focus { top: 1rem; }

.site-header { border-block-start: 3px solid var(--accent); border-block-end: 1px solid var(--border); }
.site-header__inner {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: 1rem;
  min-height: 4rem;
}
.brand {
  display: inline-flex;
  align-items: center;
  gap: 0.6rem;
  color: var(--text);
  font-weight: 700;
  font-size: 1.2rem;
  letter-spacing: -0.01em;
  text-decoration: none;
}
.brand:hover { color: var(--text); }
.brand__mark {
  width: 1.4rem;
  height: 1.4rem;
  border-radius: 50%;
  background: radial-gradient(circle at 50% 100%, var(--accent) 0 55%, transparent 56%),
    linear-gradient(var(--accent-soft), var(--accent-soft));
  box-shadow: inset 0 -0.35rem 0 var(--text);
}
.site-nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; font-size: 0.95rem; }
.site-nav a { color: var(--muted); text-decoration: none; font-weight: 500; }
.site-nav a:hover { color: var(--text); }

.site-footer { border-block-start: 1px solid var(--border); color: var(--muted); font-size: 0.9rem; }
.site-footer__inner {
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  gap: 0.5rem 2rem;
  padding-block: 1.5rem;
}
.site-footer p { margin: 0; }
.site-footer a { color: inherit; }

/* Text that an author or a config wrote may hold a word or URL longer than a phone is wide. */
.brand, .intro, .article__header, .notice, .post-card, .toc, .prose, .pager, .topics, .archive,
.pagination, .site-footer, .redirect, .latest { overflow-wrap: anywhere; }

.intro { max-width: var(--measure); margin-block-end: 3rem; }
.intro__eyebrow {
  margin: 0 0 0.25rem;
  color: var(--accent);
  font-size: 0.8rem;
  font-weight: 700;
  letter-spacing: 0.08em;
  text-transform: uppercase;
}
.intro__title {
  margin: 0;
  font-family: var(--serif);
  font-size: clamp(2.4rem, 6vw, 3.6rem);
  line-height: 1.05;
  letter-spacing: -0.02em;
}
.intro__description { margin: 0.75rem 0 0; color: var(--muted); font-size: 1.2rem; }

.meta { margin: 0; color: var(--muted); font-size: 0.9rem; }

.sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}

.subscribe { margin: 1.25rem 0 0; color: var(--muted); font-size: 0.9rem; }
.subscribe a {
  display: inline-block;
  margin-inline-start: 0.35rem;
  padding: 0.2rem 0.7rem;
  border: 1px solid var(--border);
  border-radius: 999px;
  color: var(--text);
  font-weight: 600;
  text-decoration: none;
}
.subscribe a:hover { border-color: var(--accent); color: var(--accent-strong); }

.section-title {
  margin: 0 0 0.5rem;
  padding-block-end: 0.6rem;
  border-block-end: 2px solid var(--text);
  color: var(--text);
  font-size: 0.8rem;
  font-weight: 700;
  letter-spacing: 0.1em;
  text-transform: uppercase;
}

.home { display: grid; grid-template-columns: minmax(0, 1fr); gap: 3rem; }
@media (min-width: 60rem) {
  .home { grid-template-columns: minmax(0, 1fr) 15rem; column-gap: 4.5rem; }
}
.home__articles .post-list { max-width: none; }
.home__articles .post-card__description { max-width: none; }

.topics { list-style: none; margin: 0; padding: 0; }
.topics li { border-block-end: 1px solid var(--border); }
.topics a {
  display: flex;
  justify-content: space-between;
  gap: 1rem;
  padding: 0.6rem 0;
  color: var(--text);
  text-decoration: none;
  font-weight: 500;
}
.topics a:hover { color: var(--accent); }
.topics__count { color: var(--muted); font-variant-numeric: tabular-nums; }
.topics__all { margin: 0.9rem 0 0; font-size: 0.9rem; }
.topics--index { max-width: var(--measure); }

.post-list {
  list-style: none;
  margin: 0;
  padding: 0;
  max-width: var(--measure);
}
.post-card { border-block-end: 1px solid var(--border); }
.post-card article { position: relative; padding: 1.6rem 0 1.7rem; }
.post-card__title {
  margin: 0 0 0.4rem;
  font-family: var(--serif);
  font-size: 1.75rem;
  line-height: 1.2;
  letter-spacing: -0.015em;
  text-wrap: balance;
}
.post-card__title a { color: var(--text); text-decoration: none; }
.post-card__title a::after { content: ""; position: absolute; inset: 0; }
.post-card__title a:focus-visible { outline: none; }
.post-card article:has(.post-card__title a:focus-visible) { outline: 3px solid var(--accent); outline-offset: 4px; border-radius: 4px; }
.post-card:hover .post-card__title a { color: var(--accent); }
.post-card__description { margin: 0.7rem 0 1rem; max-width: var(--measure); font-size: 1.05rem; color: var(--text); }
.post-card .tags { position: relative; z-index: 1; }

.tags { list-style: none; display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0; padding: 0; }
.tag {
  display: inline-block;
  max-width: 100%;
  padding: 0.15rem 0.65rem;
  border-radius: 999px;
  background: var(--accent-soft);
  color: var(--accent-strong);
  font-size: 0.8rem;
  font-weight: 600;
  text-decoration: none;
}
.tag:hover { color: var(--accent-strong); text-decoration: underline; }

.empty { color: var(--muted); }

.article__header { max-width: var(--measure); margin-bottom: 2rem; }
.notice { max-width: var(--measure); margin: 0 0 1.5rem; padding: .75rem 1rem; border-radius: 8px; border: 1px solid var(--accent); background: color-mix(in srgb, var(--accent) 12%, transparent); font-family: var(--sans, system-ui, sans-serif); }
.article__title {
  margin: 1rem 0 0.75rem;
  font-family: var(--serif);
  font-size: clamp(2.2rem, 5.5vw, 3.4rem);
  line-height: 1.08;
  letter-spacing: -0.02em;
  text-wrap: balance;
}
.article__lede {
  margin: 0 0 1.25rem;
  color: var(--muted);
  font-family: var(--serif);
  font-size: 1.3rem;
  line-height: 1.5;
}
.article__byline { margin: 0 0 0.25rem; font-weight: 600; }
.article__byline a { color: var(--text); }
.article__cover { display: block; width: 100%; max-width: var(--wide); height: auto; margin: 0 0 2.5rem; border-radius: var(--radius); }

.article__layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 2rem; }
@media (min-width: 64rem) {
  .article[data-toc] .article__layout {
    grid-template-columns: minmax(0, var(--measure)) minmax(12rem, 16rem);
    column-gap: 4rem;
  }
  .article[data-toc] .toc { grid-column: 2; grid-row: 1; position: sticky; top: 2rem; align-self: start; }
}

.toc {
  max-width: var(--measure);
  padding: 1rem 1.25rem;
  border: 1px solid var(--border);
  border-radius: var(--radius);
  font-size: 0.92rem;
}
.toc__title {
  margin: 0 0 0.5rem;
  color: var(--muted);
  font-size: 0.8rem;
  letter-spacing: 0.08em;
  text-transform: uppercase;
}
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc ol ol { padding-inline-start: 0.9rem; }
.toc li { margin: 0.3rem 0; }
.toc a { color: var(--text); text-decoration: none; }
.toc a:hover { color: var(--accent); text-decoration: underline; }

.prose {
  max-width: var(--measure);
  font-family: var(--serif);
  font-size: 1.15rem;
  line-height: 1.75;
}
.prose > :first-child { margin-top: 0; }
.prose h1, .prose h2, .prose h3, .prose h4, .prose h5, .prose h6 {
  font-family: var(--sans);
  line-height: 1.25;
  letter-spacing: -0.01em;
  margin: 2.2em 0 0.6em;
  scroll-margin-top: 1.5rem;
}
.prose h2 { font-size: 1.6rem; }
.prose h3 { font-size: 1.3rem; }
.prose h4 { font-size: 1.1rem; }
.prose h5 { font-size: 1rem; }
.prose h6 { font-size: 0.95rem; color: var(--muted); }
.prose p, .prose ul, .prose ol, .prose blockquote, .prose pre, .prose table, .prose figure { margin: 0 0 1.3em; }
.prose ul, .prose ol { padding-inline-start: 1.4em; }
.prose li { margin: 0.4em 0; }
.prose li::marker { color: var(--accent); }
.prose strong { font-weight: 700; }
.prose blockquote {
  margin-inline: 0;
  padding-block: 0.2em;
  padding-inline: 1.2em 0;
  border-inline-start: 3px solid var(--accent);
  color: var(--muted);
  font-style: italic;
}
.prose code {
  font-family: var(--mono);
  font-size: 0.85em;
  padding: 0.12em 0.35em;
  border-radius: 0.3em;
  background: var(--code-bg);
  border: 1px solid var(--border);
}
.prose pre {
  overflow-x: auto;
  overflow-wrap: normal;
  padding: 1rem 1.2rem;
  border-radius: var(--radius);
  background: var(--code-bg);
  border: 1px solid var(--border);
  font-size: 0.9rem;
  line-height: 1.55;
}
.prose pre code { padding: 0; border: 0; background: none; font-size: inherit; }
.prose img, .prose video, .prose iframe { max-width: 100%; height: auto; border-radius: 0.5rem; }
.prose hr { border: 0; border-block-start: 1px solid var(--border); margin: 2.5em 0; }
/* A wide table scrolls in its own box; its cells keep their words whole. */
.prose table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; font-family: var(--sans); font-size: 0.95rem; }
.prose th, .prose td { padding: 0.5em 0.8em; border: 1px solid var(--border); text-align: start; overflow-wrap: normal; }
/* GFM's left and right are the start and end of a line, so an RTL table mirrors whole. */
.prose th[align="left"], .prose td[align="left"] { text-align: start; }
.prose th[align="center"], .prose td[align="center"] { text-align: center; }
.prose th[align="right"], .prose td[align="right"] { text-align: end; }
.prose .katex-display { overflow-x: auto; overflow-y: hidden; }
.prose th { background: var(--surface); }

/* Code blocks: core writes both themes' colours as variables; the scheme picks one. Code
   reads left to right on every page. */
.prose .code-block { position: relative; margin: 0 0 1.3em; direction: ltr; }
.prose pre { direction: ltr; text-align: left; }
.prose .code-block pre { margin: 0; }
.prose .code-block__language {
  position: absolute;
  top: 0;
  inset-inline-start: 1.2rem;
  transform: translateY(-50%);
  padding: 0 0.5em;
  border: 1px solid var(--border);
  border-radius: 0.4em;
  background: var(--bg);
  color: var(--muted);
  font: 600 0.72rem/1.6 var(--sans);
  letter-spacing: 0.03em;
}
.prose .code-block:has(.code-block__language) pre { padding-top: 1.35rem; }
.prose .shiki { color: var(--shiki-light); background-color: var(--shiki-light-bg); }
.prose .shiki span {
  color: var(--shiki-light);
  font-style: var(--shiki-light-font-style);
  font-weight: var(--shiki-light-font-weight);
  text-decoration: var(--shiki-light-text-decoration);
}
@media (prefers-color-scheme: dark) {
  .prose .shiki { color: var(--shiki-dark); background-color: var(--shiki-dark-bg); }
  .prose .shiki span {
    color: var(--shiki-dark);
    font-style: var(--shiki-dark-font-style);
    font-weight: var(--shiki-dark-font-weight);
    text-decoration: var(--shiki-dark-text-decoration);
  }
}
.prose .code-block__copy {
  position: absolute;
  top: 0.5rem;
  inset-inline-end: 0.5rem;
  padding: 0.2em 0.7em;
  border: 1px solid var(--border);
  border-radius: 0.4em;
  background: var(--bg);
  color: var(--muted);
  font: 600 0.75rem/1.6 var(--sans);
  cursor: pointer;
  opacity: 0.85;
}
.prose .code-block__copy:hover, .prose .code-block__copy:focus-visible { opacity: 1; color: var(--text); }

/* GitHub alerts: a coloured rule and a title, in both schemes. */
.prose .markdown-alert {
  --alert: #0969da;
  margin: 0 0 1.3em;
  padding: 0.6em 1.1em;
  border-inline-start: 4px solid var(--alert);
  border-radius: var(--radius);
  border-start-start-radius: 0;
  border-end-start-radius: 0;
  background: color-mix(in srgb, var(--alert) 7%, transparent);
}
.prose .markdown-alert > :last-child { margin-bottom: 0; }
.prose .markdown-alert-title { margin: 0 0 0.4em; color: var(--alert); font: 700 0.95rem/1.5 var(--sans); }
.prose .markdown-alert-title::before { content: var(--alert-icon); margin-inline-end: 0.45em; }
.prose .markdown-alert-note { --alert: #0969da; --alert-icon: "ℹ"; }
.prose .markdown-alert-tip { --alert: #1a7f37; --alert-icon: "✓"; }
.prose .markdown-alert-important { --alert: #8250df; --alert-icon: "❢"; }
.prose .markdown-alert-warning { --alert: #9a6700; --alert-icon: "⚠"; }
.prose .markdown-alert-caution { --alert: #cf222e; --alert-icon: "⛔"; }
@media (prefers-color-scheme: dark) {
  .prose .markdown-alert-note { --alert: #4493f8; }
  .prose .markdown-alert-tip { --alert: #3fb950; }
  .prose .markdown-alert-important { --alert: #ab7df8; }
  .prose .markdown-alert-warning { --alert: #d29922; }
  .prose .markdown-alert-caution { --alert: #f85149; }
}

/* Task lists: the checkbox stands where the bullet was, and the bullet goes. */
.prose li:has(> input[type="checkbox"]:first-child),
.prose li:has(> p:first-child > input[type="checkbox"]:first-child) { list-style: none; }
.prose li:has(> input[type="checkbox"]:first-child)::marker,
.prose li:has(> p:first-child > input[type="checkbox"]:first-child)::marker { content: none; }
.prose li > input[type="checkbox"]:first-child,
.prose li > p:first-child > input[type="checkbox"]:first-child {
  margin-block: 0;
  margin-inline: -1.35em 0.45em;
  accent-color: var(--accent);
  vertical-align: -0.1em;
}

/* Footnotes: below a rule, smaller; the "Footnotes" heading is for screen readers. */
.prose .footnotes {
  margin-block-start: 3em;
  padding-block-start: 1em;
  border-block-start: 1px solid var(--border);
  font-size: 0.92rem;
  color: var(--muted);
}
.prose .footnotes ol { padding-inline-start: 1.4em; }
.prose .footnotes li:target { background: var(--accent-soft); border-radius: 0.3em; }
.prose .data-footnote-backref { text-decoration: none; font-family: var(--sans); }
.prose sup > a[aria-describedby="footnote-label"] { text-decoration: none; padding: 0 0.1em; }
.sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0, 0, 0, 0);
  white-space: nowrap;
  border: 0;
}

.pager {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(15rem, 100%), 1fr));
  gap: 1rem;
  max-width: var(--measure);
  margin-block-start: 4rem;
  padding-block-start: 2rem;
  border-block-start: 1px solid var(--border);
}
.pager__link {
  display: flex;
  flex-direction: column;
  gap: 0.25rem;
  padding: 1rem 1.25rem;
  border: 1px solid var(--border);
  border-radius: var(--radius);
  text-decoration: none;
  color: var(--text);
}
.pager__link:hover { border-color: var(--accent); color: var(--text); }
.pager__link--next { text-align: end; grid-column: -2; }
.pager__label { color: var(--muted); font-size: 0.85rem; }
.pager__title { font-family: var(--serif); font-size: 1.15rem; font-weight: 600; }

.button {
  display: inline-block;
  padding: 0.6rem 1.1rem;
  border-radius: 999px;
  background: var(--accent);
  color: var(--bg);
  font-weight: 600;
  text-decoration: none;
}
.button:hover { background: var(--accent-strong); color: var(--bg); }
.latest h2 { font-size: 1.1rem; }

.pagination {
  display: grid;
  grid-template-columns: 1fr auto 1fr;
  align-items: center;
  gap: 0.5rem 1rem;
  max-width: var(--measure);
  margin-block-start: 2rem;
  font-size: 0.95rem;
}
.pagination__place { color: var(--muted); text-align: center; }
.pagination__link { font-weight: 600; }
.pagination__link--next { text-align: end; }

.archive { max-width: var(--measure); margin-block-end: 2.5rem; }
.archive__list { list-style: none; margin: 0; padding: 0; }
.archive__list li {
  display: grid;
  grid-template-columns: 9.5rem minmax(0, 1fr);
  gap: 1rem;
  padding-block: 0.5rem;
  border-block-end: 1px solid var(--border);
}
.archive__list time { color: var(--muted); font-size: 0.9rem; font-variant-numeric: tabular-nums; }
.archive__list a { color: var(--text); font-family: var(--serif); font-size: 1.1rem; text-decoration: none; }
.archive__list a:hover { color: var(--accent); text-decoration: underline; }

.redirect { font-size: 1.15rem; }

@media (max-width: 40rem) {
  main { padding-block: 1.75rem 3rem; }
  .post-card__title { font-size: 1.45rem; }
  .article__lede { font-size: 1.15rem; }
  .prose { font-size: 1.08rem; }
  .site-nav { gap: 0.25rem 0.9rem; }
  .archive__list li { grid-template-columns: minmax(0, 1fr); gap: 0.1rem; }
  .pagination { grid-template-columns: 1fr 1fr; }
  .pagination__place { grid-column: 1 / -1; grid-row: 2; }
}

@media (prefers-reduced-motion: reduce) {
  * { transition: none !important; scroll-behavior: auto !important; }
}

@media print {
  .site-header, .site-footer, .pager, .toc, .skip-link { display: none; }
  body { background: #fff; color: #000; }
}
`
