import { CACHE_OPTION, CONTENT_OPTIONS, type CommandSpec } from './usage.ts'

// Every command's name, summary and options, apart from the code that runs it: `--help`,
// `--version` and a usage mistake need these alone, and load nothing of the engine.

export const BUILD = {
  name: 'build',
  summary:
    'Check the articles, then write every output into the output folder: pages, feeds, cards and articles.json. Only what changed since the last build is done again; a build with errors writes nothing.',
  synopsis: '[options]',
  options: {
    ...CONTENT_OPTIONS,
    out: {
      type: 'string',
      placeholder: 'DIR',
      help: "the output folder (default: the config's outDir, else dist)",
    },
    'site-url': {
      type: 'string',
      placeholder: 'URL',
      help: "the base URL the site is served from (default: SITE_URL, else the site config's)",
    },
    skip: {
      type: 'string',
      default: '',
      placeholder: 'LIST',
      help: 'outputs to leave out: pages, search, icons, feeds, cards, articles-json (comma-separated)',
    },
    ...CACHE_OPTION,
    timings: { type: 'boolean', default: false, help: 'print where the time and memory went' },
    shard: {
      type: 'string',
      placeholder: 'I/N',
      help: 'render only share I of N of the cards into the cache, and write nothing else (one job of a CI matrix)',
    },
  },
} satisfies CommandSpec

export const BUNDLE = {
  name: 'bundle',
  summary:
    'Write the articles as a typed, npm-publishable package (ESM, CommonJS and .d.ts, each body its own module). A folder with a package.json of its own gets only its dist/ replaced.',
  synopsis: '[options]',
  options: {
    ...CONTENT_OPTIONS,
    out: {
      type: 'string',
      placeholder: 'DIR',
      help: "the package folder (default: the config's outputs.package.dir, else content-package)",
    },
    'site-url': {
      type: 'string',
      placeholder: 'URL',
      help: "the base URL in the package's site settings",
    },
    ...CACHE_OPTION,
  },
} satisfies CommandSpec

export const CHECK = {
  name: 'check',
  summary: 'Report every problem of every article, with its file, line, column and a hint.',
  synopsis: '[options]',
  options: {
    ...CONTENT_OPTIONS,
    format: {
      type: 'string',
      default: 'pretty',
      placeholder: 'FORMAT',
      help: 'pretty (default), json, github (GitHub Actions annotations) or sarif (SARIF 2.1.0)',
    },
  },
} satisfies CommandSpec

export const DEV = {
  name: 'dev',
  summary:
    'Serve the site from memory while you write: every save rebuilds what changed and reloads the page; problems show over the page and here. Drafts are shown.',
  synopsis: '[options]',
  options: {
    ...CONTENT_OPTIONS,
    port: {
      type: 'string',
      placeholder: 'N',
      help: 'the port to listen on (default: 4321; 0 picks a free one)',
    },
    host: {
      type: 'string',
      default: '127.0.0.1',
      placeholder: 'HOST',
      help: 'the address to listen on (default: 127.0.0.1)',
    },
    'site-url': {
      type: 'string',
      placeholder: 'URL',
      help: "the base URL in meta tags (default: the site config's)",
    },
  },
} satisfies CommandSpec

export const NEW = {
  name: 'new',
  summary: 'Create an article as a draft with valid frontmatter; never overwrites a file.',
  synopsis: '"Title" [options]',
  positionals: true,
  options: {
    ...CONTENT_OPTIONS,
    description: {
      type: 'string',
      placeholder: 'TEXT',
      help: 'the description (default: a reminder to write one)',
    },
    slug: {
      type: 'string',
      placeholder: 'SLUG',
      help: 'the file name and URL (default: made from the title)',
    },
  },
} satisfies CommandSpec

export const OG = {
  name: 'og',
  summary:
    "Render one article's social card (drafts too), so that you can look at it before publishing.",
  synopsis: '<slug> [options]',
  positionals: true,
  options: {
    ...CONTENT_OPTIONS,
    out: {
      type: 'string',
      default: '.dawnpress/preview',
      placeholder: 'DIR',
      help: 'where the card goes, as og/<slug>.png (default: .dawnpress/preview)',
    },
  },
} satisfies CommandSpec

export const PREVIEW = {
  name: 'preview',
  summary: 'Serve a built site on localhost, as it will be served in production.',
  synopsis: '[options]',
  options: {
    out: {
      type: 'string',
      placeholder: 'DIR',
      help: "the built site (default: the config's outDir, else dist)",
    },
    config: {
      type: 'string',
      placeholder: 'FILE',
      help: 'the config file (default: dawnpress.config.ts here, if there is one)',
    },
    port: {
      type: 'string',
      placeholder: 'N',
      help: 'the port to listen on (default: 4173; 0 picks a free one)',
    },
    host: {
      type: 'string',
      default: '127.0.0.1',
      placeholder: 'HOST',
      help: 'the address to listen on (default: 127.0.0.1)',
    },
  },
} satisfies CommandSpec

export const SCHEMA = {
  name: 'schema',
  summary:
    "Print the JSON Schema of the articles' frontmatter (the config's schema, extensions included), for completion and validation in an editor.",
  synopsis: '[options]',
  options: {
    ...CONTENT_OPTIONS,
    out: {
      type: 'string',
      placeholder: 'FILE',
      help: 'write it to FILE instead, such as .dawnpress/frontmatter.schema.json',
    },
  },
} satisfies CommandSpec
