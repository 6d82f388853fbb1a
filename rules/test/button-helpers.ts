/** Small helpers shared by the button rules' test tables. */

/** A front-matter `buttons:` list, one flow-style button per line; the first button is on line 6 of `draft()`. */
export const buttons = (...items: string[]): string => `buttons:\n${items.map((b) => `  - ${b}`).join('\n')}`;

/** Line and columns (1-based, end exclusive) of the first occurrence of `needle` in `code`, after `from`. */
export function at(code: string, needle: string, from = 0): { line: number; column: number; endLine: number; endColumn: number } {
  const offset = code.indexOf(needle, from);
  if (offset === -1) throw new Error(`${needle} not found`);
  const before = code.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}

/** A Meta JSON template (one object) with a body and one BUTTONS component. */
export function metaJson(body: string, buttonList: object[], category = 'UTILITY', language = 'en_US'): string {
  return JSON.stringify({ name: 'x', language, category, components: [{ type: 'BODY', text: body }, { type: 'BUTTONS', buttons: buttonList }] });
}
