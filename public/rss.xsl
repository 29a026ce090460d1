<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows a Bibshelf RSS feed as a readable page when someone opens it in a browser; feed readers ignore it.
  Every link comes from the feed itself (channel link, atom:link rel="self", item links), so this one file
  works for every feed and under any base path.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:bibshelf="urn:bibshelf:feed"
  exclude-result-prefixes="atom dc bibshelf">
  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:variable name="feedUrl" select="/rss/channel/atom:link[@rel = 'self']/@href"/>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="/rss/channel/title"/> (RSS feed)</title>
        <link rel="icon" href="data:,"/>
        <style>
          :root { color-scheme: light dark; --bg: #fff; --surface: #f6f7f9; --text: #1b1f24; --muted: #57606a;
            --border: #d8dee4; --link: #0a58ca; --accent: #9a3b00; }
          @media (prefers-color-scheme: dark) {
            :root { --bg: #0f1216; --surface: #171b21; --text: #e6e8eb; --muted: #a3acb6; --border: #2d333b;
              --link: #79b8ff; --accent: #ffb07a; }
          }
          * { box-sizing: border-box; }
          body { margin: 0; background: var(--bg); color: var(--text);
            font: 1rem/1.6 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; }
          main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
          a { color: var(--link); text-underline-offset: 0.15em; }
          a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
          h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.25rem 0 0.5rem; }
          .label { color: var(--accent); font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em;
            font-size: 0.8rem; margin: 0; }
          .subscribe { background: var(--surface); border: 1px solid var(--border); border-radius: 0.5rem;
            padding: 1rem; margin: 1.25rem 0 2rem; }
          .subscribe h2 { margin-top: 0; }
          .subscribe p { margin: 0 0 0.5rem; }
          .subscribe code { display: block; overflow-wrap: anywhere; padding: 0.5rem; border-radius: 0.35rem;
            background: var(--bg); border: 1px solid var(--border);
            font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; user-select: all; }
          ol { list-style: none; margin: 0; padding: 0; }
          li { border-top: 1px solid var(--border); padding: 1rem 0; }
          h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
          h3 { font-size: 1.1rem; line-height: 1.35; margin: 0 0 0.25rem; }
          .meta, .authors { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.25rem; }
          .summary { margin: 0.5rem 0 0; }
        </style>
      </head>
      <body>
        <main>
          <p class="label">RSS feed</p>
          <h1><xsl:value-of select="/rss/channel/title"/></h1>
          <p><xsl:value-of select="/rss/channel/description"/></p>
          <section class="subscribe" aria-labelledby="subscribe-heading">
            <h2 id="subscribe-heading">Subscribe to this feed</h2>
            <p>
              This page is an RSS feed. To get new papers as they appear, copy its address into your feed
              reader (for example NetNewsWire, Feedly, Thunderbird or Inoreader):
            </p>
            <code class="feed-url"><xsl:value-of select="$feedUrl"/></code>
            <p style="margin: 0.75rem 0 0">
              Or <a class="site-link" href="{/rss/channel/link}">read these papers on the website</a>.
            </p>
          </section>
          <h2 class="count">
            <xsl:value-of select="count(/rss/channel/item)"/>
            <xsl:choose>
              <xsl:when test="count(/rss/channel/item) = 1"> paper</xsl:when>
              <xsl:otherwise> papers</xsl:otherwise>
            </xsl:choose>
          </h2>
          <ol class="items">
            <xsl:for-each select="/rss/channel/item">
              <li class="item">
                <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
                <p class="meta">
                  <!-- The date as the site writes it (at its precision); a feed without it gives the day of pubDate. -->
                  <xsl:choose>
                    <xsl:when test="bibshelf:date"><xsl:value-of select="bibshelf:date"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="substring(pubDate, 6, 11)"/></xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="category">
                    <xsl:text> · </xsl:text>
                    <xsl:value-of select="category[1]"/>
                  </xsl:if>
                </p>
                <p class="authors">
                  <!-- The author line as the site writes it ("et al." for a list known to be incomplete). -->
                  <xsl:choose>
                    <xsl:when test="bibshelf:authors">
                      <xsl:variable name="line" select="string(bibshelf:authors)"/>
                      <xsl:variable name="cut" select="string-length($line) - string-length(' et al.')"/>
                      <xsl:choose>
                        <!-- "et al." kept on one line with the last name (no-break spaces). -->
                        <xsl:when test="$cut &gt; 0 and substring($line, $cut + 1) = ' et al.'">
                          <xsl:value-of select="substring($line, 1, $cut)"/>
                          <xsl:text>&#160;et&#160;al.</xsl:text>
                        </xsl:when>
                        <xsl:otherwise><xsl:value-of select="$line"/></xsl:otherwise>
                      </xsl:choose>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:for-each select="dc:creator">
                        <xsl:if test="position() &gt; 1">, </xsl:if>
                        <xsl:value-of select="."/>
                      </xsl:for-each>
                    </xsl:otherwise>
                  </xsl:choose>
                </p>
                <p class="summary">
                  <!-- The description is plain text escaped for HTML readers: undo that escaping, output as text. -->
                  <xsl:call-template name="unescape-html">
                    <xsl:with-param name="text" select="description"/>
                  </xsl:call-template>
                </p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- Turns &lt; &gt; &amp; back into < > & (ampersand last, undoing the escaping in reverse order). -->
  <xsl:template name="unescape-html">
    <xsl:param name="text"/>
    <xsl:variable name="lt">
      <xsl:call-template name="replace">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="from" select="'&amp;lt;'"/>
        <xsl:with-param name="to" select="'&lt;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="gt">
      <xsl:call-template name="replace">
        <xsl:with-param name="text" select="string($lt)"/>
        <xsl:with-param name="from" select="'&amp;gt;'"/>
        <xsl:with-param name="to" select="'&gt;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="replace">
      <xsl:with-param name="text" select="string($gt)"/>
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
        <xsl:value-of select="substring-before($text, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
