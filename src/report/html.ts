/** Building HTML text safely: every piece of user text goes through `text` or `attr`. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * A CSS string literal (`"…"`) holding `value`: quotes, backslashes and line breaks escaped, and `<`
 * written as `\3c ` so that no text can close the `<style>` element.
 */
export function cssString(value: string): string {
  const escaped = value.replace(/[\\"<>\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}

/** A command line argument as a POSIX shell reads it back: quoted when it holds anything but safe characters. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}
