export type {
  ArticleStub,
  GenerateArticleOptions,
  GeneratedArticle,
  WordRange,
} from './article.ts'
export { DEFAULT_WORD_RANGE, generateArticle, generateStub } from './article.ts'
export type { CorpusOptions, CorpusSummary } from './corpus.ts'
export {
  BENCH_SITE,
  DEFAULT_SEED,
  generateArticles,
  generateCorpus,
  writeCorpus,
} from './corpus.ts'
export type { Random } from './random.ts'
export { createRandom } from './random.ts'
