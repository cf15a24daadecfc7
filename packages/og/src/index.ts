export type { CardArticle } from './article.ts'
export { CARD_HEIGHT, CARD_WIDTH } from './context.ts'
export { COVER_PANEL, defaultTemplate } from './default-template.tsx'
export type { CardFont } from './fonts.ts'
export type { CardOptions, CardRenderer, RenderedCard } from './render.ts'
export { createCardRenderer, renderCard } from './render.ts'
export type { PrepareSiteCardOptions } from './site-card.ts'
export { prepareSiteCard } from './site-card.ts'
export type {
  CardColors,
  CardContext,
  CardSite,
  CardTemplate,
  CardText,
  CardTextOptions,
  CardTextSize,
} from './template.ts'
export type { CardElement, CardNode, CardTextElement } from './tree.ts'
export type { CardWarning } from './warnings.ts'
export type {
  PrepareCardsOptions,
  PreparedCard,
  PreparedCards,
  WriteCardsOptions,
  WriteCardsResult,
} from './write.ts'
export { prepareCards, writeCards } from './write.ts'
