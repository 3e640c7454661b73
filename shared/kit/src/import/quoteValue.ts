/** Longest part of a value echoed in a message: a 50,000-character cell must not become a 50,000-character message. */
const SHOWN_CHARACTERS = 40;

/**
 * A value from a file as messages show it: quoted, shortened, and with every control character
 * escaped (JSON.stringify leaves C1 controls such as U+009B, a terminal escape, as they are).
 */
export function quoteValue(text: string): string {
  const characters = [...text];
  const shown = characters.length > SHOWN_CHARACTERS ? `${characters.slice(0, SHOWN_CHARACTERS).join('')}…` : text;
  return JSON.stringify(shown).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
