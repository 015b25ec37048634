// JSON with syntax errors located by line and column, whatever the engine's JSON.parse message says.
import { errorMessage } from '../model';
import type { Issue } from './validate';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS = /[ \t\n\r]*/y;

/**
 * Offset of the first JSON syntax error in `text`, or -1 when it is valid JSON. Iterative (an explicit
 * stack), so 10,000 levels of nesting cost nothing. Needed because V8's messages often give no position.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const ws = (): void => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const string = (): boolean => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  type State = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'after';
  let state: State = 'value';
  for (;;) {
    ws();
    const c = text[i];
    if (state === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i === text.length ? -1 : i;
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        i++;
        stack.pop();
      } else return i;
      continue;
    }
    if (state === 'key' || state === 'key-or-end') {
      if (state === 'key-or-end' && c === '}') {
        i++;
        stack.pop();
        state = 'after';
        continue;
      }
      if (c !== '"' || !string()) return i;
      ws();
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
      continue;
    }
    if (state === 'value-or-end' && c === ']') {
      i++;
      stack.pop();
      state = 'after';
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      state = c === '{' ? 'key-or-end' : 'value-or-end';
    } else if (c === '"') {
      if (!string()) return Math.min(i, text.length);
      state = 'after';
    } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
      i += 4;
      state = 'after';
    } else if (text.startsWith('false', i)) {
      i += 5;
      state = 'after';
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return i;
      i = NUMBER.lastIndex;
      state = 'after';
    }
  }
}

/** Where a JSON syntax error is: "line N, column C", with "(end of file)" when the text just stops. */
export function jsonErrorPath(text: string): string {
  const at = jsonErrorOffset(text);
  if (at < 0 || at >= text.length) {
    const { line, column } = lineColumn(text, text.length);
    return `line ${line}, column ${column} (end of file)`;
  }
  const { line, column } = lineColumn(text, at);
  return `line ${line}, column ${column}`;
}

/** Parses JSON, turning a syntax error into an issue with its line and column and a sentence. */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const msg = errorMessage(e);
    const what = msg
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/, "[\s\S]*" is not valid JSON$/, '');
    return {
      ok: false,
      issues: [
        {
          path: jsonErrorPath(text),
          message: `not valid JSON: ${what}. Check the file near this place, or export it again.`,
        },
      ],
    };
  }
}

/** A line and column (1-based) for a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}
