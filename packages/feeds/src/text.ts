/**
 * Characters that XML 1.0 forbids (C0 controls but tab, newline and carriage return; U+FFFE,
 * U+FFFF) or discourages (DEL and the C1 controls), and UTF-16 surrogates without their pair.
 * A single one of them makes a strict parser reject the whole feed, and a lone surrogate is
 * not Unicode at all: strict JSON decoders (Rust's serde_json, for one) refuse the `\ud800`
 * escape that `JSON.stringify` writes for it.
 */
const UNSAFE_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Makes any string safe to carry in XML 1.0 and JSON, and the same in all three formats:
 * forbidden control characters are dropped, lone surrogates become U+FFFD (the replacement
 * character) and line ends become `\n`, as an XML parser would read them anyway.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE_CHARACTERS, (match) => (isSurrogate(match) ? '\uFFFD' : ''))
}

function isSurrogate(character: string): boolean {
  const code = character.charCodeAt(0)
  return code >= 0xd800 && code <= 0xdfff
}
