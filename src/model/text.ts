// Long text kept in bounds for display: clipped with an ellipsis (views and exports; the ties panel shows it whole).

/** Characters of a name, title or label that views and exports draw; the rest is replaced by "…". */
export const DISPLAY_CHARS = 300;

/** `text` cut to at most `max` characters (counting the ellipsis), at a code-point boundary. */
export function clip(text: string, max = DISPLAY_CHARS): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  // Do not split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + '…';
}
