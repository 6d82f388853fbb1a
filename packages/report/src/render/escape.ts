/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON for a `<script type="application/json">` block. JSON.stringify alone is not enough: a template name such as
 * `</script><script>alert(1)</script>` would end the block. Escaping `<`, `>` and `&` as \u003c... keeps the JSON
 * equal after JSON.parse while no HTML parser can see a tag in it; U+2028/2029 are escaped for older JS parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Inline JavaScript (chart.js, the page script) must not contain `</script` or `<!--`, which would end or confuse
 * the script element; the bundled files do not, and this check makes sure a dependency update cannot change that
 * silently.
 */
export function assertInlineSafe(name: string, source: string): string {
  if (/<\/script|<!--/i.test(source)) throw new Error(`${name} cannot be inlined: it contains </script or <!--`);
  return source;
}
