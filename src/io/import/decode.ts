// Bytes to text for every importer: BOM, UTF-16, invalid UTF-8 (read as windows-1252), cp1252 mojibake, CRLF.
import type { Issue } from '../validate';
import type { ImportWarning } from './types';

/** Decoded text and the encoding quirks met on the way, or why the bytes are not text at all. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly warnings: readonly ImportWarning[] }
  | { readonly ok: false; readonly issue: Issue };

/** windows-1252 code points for bytes 0x80–0x9F (the five undefined bytes map to the C1 control of the same value). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
] as const;

/** Byte of a character as windows-1252 (or Latin-1) would have written it; -1 when it has none. */
const BYTE_OF = new Map<number, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(b, b);
CP1252_HIGH.forEach((cp, i) => BYTE_OF.set(cp, 0x80 + i));

/** Decodes bytes as windows-1252, the encoding spreadsheets on Windows save "ANSI" text in. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      const b = bytes[j] as number;
      codes[j - i] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 2; i + 1 < bytes.length; i += CHUNK * 2) {
    const codes: number[] = [];
    for (let j = i; j + 1 < bytes.length && j < i + CHUNK * 2; j += 2) {
      const a = bytes[j] as number;
      const b = bytes[j + 1] as number;
      codes.push(littleEndian ? a | (b << 8) : (a << 8) | b);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** 1-based line of a byte offset (counts LF bytes before it). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** 1-based line of a character offset in a text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  let at = text.indexOf('\n');
  while (at !== -1 && at < offset) {
    line++;
    at = text.indexOf('\n', at + 1);
  }
  return line;
}

const CONT = (() => {
  let cls = '\\u0080-\\u00bf';
  for (const cp of CP1252_HIGH) if (cp > 0xff) cls += `\\u${cp.toString(16).padStart(4, '0')}`;
  return `[${cls}]`;
})();
/** A UTF-8 lead byte and its continuation bytes, each read as a windows-1252 character. */
const MOJIBAKE = new RegExp(
  `[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`,
  'g',
);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Repairs UTF-8 text that was once decoded as windows-1252 and saved again ("â€™" for "’", "Ã©" for "é"),
 * which spreadsheets round-tripping through "ANSI" produce. Only sequences that form valid UTF-8 change.
 */
export function repairMojibake(text: string): { text: string; count: number; firstAt: number } {
  let count = 0;
  let firstAt = -1;
  const out = text.replace(MOJIBAKE, (match: string, offset: number) => {
    const bytes = new Uint8Array(match.length);
    for (let i = 0; i < match.length; i++) {
      const byte = BYTE_OF.get(match.charCodeAt(i));
      if (byte === undefined) return match;
      bytes[i] = byte;
    }
    try {
      const fixed = strictUtf8.decode(bytes);
      count++;
      if (firstAt < 0) firstAt = offset;
      return fixed;
    } catch {
      return match;
    }
  });
  return { text: out, count, firstAt };
}

/**
 * Repairs C1 control characters (U+0080–U+009F) that stand for windows-1252 punctuation: text once read as
 * Latin-1 and saved as UTF-8 keeps "Kata\u0092ib" where the writer meant "Kata’ib". Controls that
 * windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay.
 */
export function repairC1(text: string): { text: string; count: number; firstAt: number } {
  let count = 0;
  let firstAt = -1;
  const out = text.replace(/[\u0080-\u009f]/g, (c: string, offset: number) => {
    const cp = CP1252_HIGH[c.charCodeAt(0) - 0x80] as number;
    if (cp < 0xa0) return c;
    count++;
    if (firstAt < 0) firstAt = offset;
    return String.fromCharCode(cp);
  });
  return { text: out, count, firstAt };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** True when the bytes are a ZIP (xlsx, ods) or OLE (xls) container: a spreadsheet workbook, not text. */
export function isWorkbook(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) || startsWith(bytes, OLE);
}

/**
 * Turns the bytes of a user's file into text with `\n` line ends, repairing what real files get wrong and
 * saying what it did. Every importer reads through this, so all formats handle encodings alike.
 */
export function decodeBytes(bytes: Uint8Array, name: string): Decoded {
  const warnings: ImportWarning[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = decodeUtf16(bytes, true);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = decodeUtf16(bytes, false);
  } else {
    let body = bytes;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      body = bytes.subarray(3);
      warnings.push({
        code: 'bom',
        count: 1,
        path: 'line 1',
        message: 'the file starts with a byte-order mark (BOM); it was removed.',
      });
    }
    const probe = body.subarray(0, 8192);
    if (probe.includes(0)) {
      return {
        ok: false,
        issue: {
          path: name,
          message: `${name} looks like a binary file, not text: export the network as CSV, GEXF or JSON and import that file.`,
        },
      };
    }
    try {
      text = strictUtf8.decode(body);
    } catch {
      const bad = firstInvalidUtf8(body);
      text = decodeWindows1252(body);
      warnings.push({
        code: 'not-utf8',
        count: 1,
        path: `line ${lineOfByte(body, Math.max(0, bad))}`,
        message:
          'the file is not valid UTF-8, so it was read as Windows-1252 ("ANSI"); check accented letters, or save the file as UTF-8.',
      });
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const repaired = repairMojibake(text);
  if (repaired.count > 0) {
    warnings.push({
      code: 'mojibake',
      count: repaired.count,
      path: `line ${lineOf(text, repaired.firstAt)}`,
      message: `${repaired.count} garbled character sequence(s) such as "â€™" (UTF-8 read as Windows-1252) were repaired.`,
    });
    text = repaired.text;
  }
  const c1 = repairC1(text);
  if (c1.count > 0) {
    warnings.push({
      code: 'repaired-text',
      count: c1.count,
      path: `line ${lineOf(text, c1.firstAt)}`,
      message: `${c1.count} control character(s) standing for Windows-1252 punctuation (such as U+0092 for ’) were repaired.`,
    });
    text = c1.text;
  }
  if (text.includes('\r')) {
    let crlf = 0;
    text = text.replace(/\r\n?/g, () => {
      crlf++;
      return '\n';
    });
    warnings.push({
      code: 'crlf',
      count: crlf,
      path: 'line 1',
      message: 'Windows (CRLF) or old Mac (CR) line endings were converted to plain line feeds.',
    });
  }
  return { ok: true, text, warnings };
}
