/**
 * What a spreadsheet runs as a formula when a cell starts with it (OWASP "CSV injection"):
 * `=`, `+`, `-`, `@`, their full-width forms, tab, CR, LF, and any of the first four after
 * leading spaces.
 */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The cell prefixed with `'`, which spreadsheets show as text and never evaluate. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
