// The view in the URL: ?t=YYYY-MM-DD&actor=ID&data=URL, read on open and written back with replaceState.
import { dayToIso, isoToDay, type Day } from '../model';

/** What a URL asks for; `problems` lists parameters that could not be honoured. */
export interface UrlView {
  readonly time?: Day;
  readonly actor?: string;
  readonly data?: string;
  readonly problems: readonly string[];
}

/** Reads the view parameters from a query string. */
export function readUrl(search: string): UrlView {
  const p = new URLSearchParams(search);
  const problems: string[] = [];
  const out: { time?: Day; actor?: string; data?: string } = {};
  const t = p.get('t');
  if (t !== null) {
    const day = isoToDay(t);
    if (day === null)
      problems.push(
        `The date "${t}" in the address is not a YYYY-MM-DD day; showing the first date instead.`,
      );
    else out.time = day;
  }
  const actor = p.get('actor');
  if (actor) out.actor = actor;
  const data = p.get('data');
  if (data) out.data = data;
  return { ...out, problems };
}

/** The query string for a view, keeping parameters it does not own (data=, …). */
export function writeUrl(search: string, view: { time: Day | null; actor: string | null }): string {
  const p = new URLSearchParams(search);
  if (view.time === null) p.delete('t');
  else p.set('t', dayToIso(view.time));
  if (view.actor === null) p.delete('actor');
  else p.set('actor', view.actor);
  const s = p.toString();
  return s ? `?${s}` : '';
}
