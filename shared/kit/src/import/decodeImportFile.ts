import { InvalidImportFileError, ImportFileError } from './parseImportFile';

/** Encodings `cswb import --encoding` accepts, by the names and aliases people type. */
const ENCODINGS: Record<string, ImportEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  latin1: 'latin1',
  'iso-8859-1': 'latin1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
};

export type ImportEncoding = 'utf-8' | 'latin1' | 'windows-1252';

export function importEncoding(name: string | undefined): ImportEncoding {
  if (name === undefined) return 'utf-8';
  const encoding = ENCODINGS[name.toLowerCase()];
  if (!encoding) throw new ImportFileError(`--encoding must be utf-8, latin1 or windows-1252, not ${JSON.stringify(name)}`);
  return encoding;
}

/**
 * The file's text, refusing what no partner export holds and what would be stored garbled:
 * bytes that are not UTF-8 (unless another encoding is named) and control characters other than
 * tab, LF and CR (a NUL byte, C1 controls). A UTF-8 byte order mark is dropped.
 */
export function decodeImportFile(bytes: Uint8Array, encoding: ImportEncoding = 'utf-8'): string {
  let text: string;
  if (encoding === 'utf-8') {
    const invalidAt = firstInvalidUtf8Byte(bytes);
    if (invalidAt !== undefined) {
      const { line, column } = position(bytes, invalidAt);
      throw new InvalidImportFileError(
        `line ${line}, column ${column}: byte 0x${bytes[invalidAt].toString(16).padStart(2, '0')} is not UTF-8; ` +
          'save the file as UTF-8, or name its encoding (--encoding latin1 or windows-1252)',
      );
    }
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } else if (encoding === 'latin1') {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  } else {
    text = decodeWindows1252(bytes);
  }
  const control = CONTROL.exec(text);
  if (control) {
    const before = text.slice(0, control.index);
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new InvalidImportFileError(`line ${line}, column ${column}: control character ${code}${code === 'U+0000' ? ' (a NUL byte)' : ''} is not allowed in an import file`);
  }
  return text;
}

/**
 * Windows-1252 is Latin-1 but for 0x80–0x9F, which hold punctuation (’ “ ” – €) rather than C1
 * controls. Node's TextDecoder decodes the label as Latin-1, so the 32 bytes are mapped here; the
 * five the code page leaves undefined stay C1 controls, and are refused as such.
 */
const WINDOWS_1252_80_TO_9F = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_80_TO_9F[c.charCodeAt(0) - 0x80]);
}

/** C0 controls but tab, LF and CR; DEL; C1 controls (in a latin1 file, most likely windows-1252 punctuation). */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** 1-based line, and column in characters, of a byte offset (counted over the valid prefix). */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = [...Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8')].length + 1;
  return { line, column };
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b === 0xe0) [length, min] = [3, 0xa0];
    else if (b === 0xed) [length, min, max] = [3, 0x80, 0x9f]; // no UTF-16 surrogates
    else if (b >= 0xe1 && b <= 0xef) [length, min] = [3, 0x80];
    else if (b === 0xf0) [length, min] = [4, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) [length, min] = [4, 0x80];
    else if (b === 0xf4) [length, min, max] = [4, 0x80, 0x8f];
    else return i;
    if (i + 1 >= n || bytes[i + 1] < min || bytes[i + 1] > max) return i;
    for (let k = 2; k < length; k++) if (i + k >= n || bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return undefined;
}
