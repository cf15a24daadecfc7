import { PROSE_STYLESHEET } from './prose-styles.ts'

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
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0, 0, 0, 0);
  white-space: nowrap;
  border: 0;
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

${PROSE_STYLESHEET}
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
