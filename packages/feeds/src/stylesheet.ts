/**
 * The XSL stylesheet that browsers show dawnpress's RSS and Atom feeds with: the feed's
 * title and description, a hint that says what a feed is and how to subscribe (with the
 * feed's own address to copy), a link to the site and the latest items with their dates.
 * Readers never apply it; for them the `<?xml-stylesheet?>` instruction is a comment.
 *
 * It is plain XSLT 1.0, which every browser that still runs XSLT supports, and loads
 * nothing: no script, font or image, and its CSS is inline. Every value is written with
 * `xsl:value-of`, which escapes it; text the Atom feed declares `type="html"` is decoded
 * from the entities dawnpress's writers use (never with `disable-output-escaping`), so a
 * title such as `AT&T` reads as written and markup in a title stays text.
 */
const STYLESHEET = `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="/rss"><xsl:value-of select="/rss/channel/title"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="/atom:feed/atom:title" mode="text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
    <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
    <html lang="{/rss/channel/language | /atom:feed/@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> · web feed</title>
        <style>
          :root { color-scheme: light dark; --paper: #fbf8f1; --ink: #1d1b16; --muted: #6b6456; --accent: #b45309; --box: #f3ead6; }
          @media (prefers-color-scheme: dark) { :root { --paper: #0b1020; --ink: #f4f1ea; --muted: #a9a397; --accent: #f59e0b; --box: #17203a; } }
          body { margin: 0; background: var(--paper); color: var(--ink); font: 1.125rem/1.6 Georgia, "Times New Roman", serif; }
          main { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; border-top: 3px solid var(--accent); }
          a { color: var(--accent); }
          .hint { background: var(--box); border-radius: 0.5rem; padding: 1rem 1.25rem; font-size: 1rem; }
          .hint code { display: block; margin-top: 0.5rem; overflow-wrap: anywhere; font-size: 0.95rem; }
          h1 { font-size: 2.25rem; line-height: 1.2; margin: 2rem 0 0.5rem; }
          .description { color: var(--muted); margin: 0 0 1rem; }
          ol { list-style: none; padding: 0; }
          li { padding: 0.75rem 0; border-bottom: 1px solid var(--box); }
          time { display: block; color: var(--muted); font-size: 0.9rem; }
        </style>
      </head>
      <body>
        <main>
          <p class="hint">
            <strong>This is a web feed.</strong>
            Follow it in a feed reader to see each new article there: copy this address into the reader.
            <xsl:if test="$self"><code><xsl:value-of select="$self"/></code></xsl:if>
          </p>
          <h1><xsl:value-of select="$title"/></h1>
          <p class="description">
            <xsl:value-of select="/rss/channel/description"/>
            <xsl:apply-templates select="/atom:feed/atom:subtitle" mode="text"/>
          </p>
          <xsl:if test="$home"><p><a href="{$home}">Visit the site</a></p></xsl:if>
          <ol>
            <xsl:for-each select="/rss/channel/item">
              <li>
                <a href="{link}"><xsl:value-of select="title"/></a>
                <time><xsl:value-of select="substring(pubDate, 6, 11)"/></time>
              </li>
            </xsl:for-each>
            <xsl:for-each select="/atom:feed/atom:entry">
              <li>
                <a href="{atom:link[@rel='alternate']/@href}"><xsl:apply-templates select="atom:title" mode="text"/></a>
                <time><xsl:value-of select="substring(atom:published, 1, 10)"/></time>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- An Atom text construct as text: type="html" is decoded from the entities dawnpress writes. -->
  <xsl:template match="*" mode="text">
    <xsl:choose>
      <xsl:when test="@type = 'html'">
        <xsl:call-template name="decode"><xsl:with-param name="text" select="string(.)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="decode">
    <xsl:param name="text"/>
    <xsl:call-template name="replace">
      <xsl:with-param name="text">
        <xsl:call-template name="replace">
          <xsl:with-param name="text">
            <xsl:call-template name="replace">
              <xsl:with-param name="text">
                <xsl:call-template name="replace">
                  <xsl:with-param name="text">
                    <xsl:call-template name="replace">
                      <xsl:with-param name="text">
                        <xsl:call-template name="replace">
                          <xsl:with-param name="text" select="$text"/>
                          <xsl:with-param name="from" select="'&amp;lt;'"/>
                          <xsl:with-param name="to" select="'&lt;'"/>
                        </xsl:call-template>
                      </xsl:with-param>
                      <xsl:with-param name="from" select="'&amp;gt;'"/>
                      <xsl:with-param name="to" select="'&gt;'"/>
                    </xsl:call-template>
                  </xsl:with-param>
                  <xsl:with-param name="from" select="'&amp;quot;'"/>
                  <xsl:with-param name="to" select="'&quot;'"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="from" select='"&amp;#39;"'/>
              <xsl:with-param name="to" select='"&#39;"'/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="from" select="'&amp;#xFFFD;'"/>
          <xsl:with-param name="to" select="'&#xFFFD;'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="from" select="'&amp;amp;'"/>
      <xsl:with-param name="to" select="'&amp;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="concat(substring-before($text, $from), $to)"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
`

/**
 * dawnpress's XSL stylesheet for its RSS and Atom feeds (see `FeedFilesOptions.stylesheet`):
 * serve it from the site, as `createFeedFiles` writes it (`feed.xsl`), and name its path in
 * `createFeed`'s `stylesheet` option.
 *
 * @example
 * await writeFile('dist/feed.xsl', renderFeedStylesheet())
 * const { rss } = createFeeds(articles, site, { stylesheet: '/feed.xsl' })
 */
export function renderFeedStylesheet(): string {
  return STYLESHEET
}
