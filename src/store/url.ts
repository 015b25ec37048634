// The view in the URL: t, actor, data, known, compare, and the lens filters; read on open, written back with replaceState.
import { dayToIso, isoToDay, type Day, type Lens, type Status } from '../model';

/** What a URL asks for; `problems` lists parameters that could not be honoured. */
export interface UrlView {
  readonly time?: Day;
  readonly actor?: string;
  readonly data?: string;
  /** A dataset kept in this browser's library. */
  readonly ds?: string;
  readonly knownOn?: Day;
  readonly compare?: [Day, Day];
  readonly facets: Partial<Record<'sources' | 'statuses' | 'types' | 'kinds', string[]>>;
  readonly eventWindow?: number;
  /** `mode=cumulative|range|current` (absent: at the date); a range's start is `from=`. */
  readonly mode?: 'at' | 'cumulative' | 'range' | 'current';
  readonly from?: Day;
  /** `pair=A,B`: the pair whose history is open. */
  readonly pair?: [string, string];
  /** `renderer=webgl`: draw with Cytoscape's WebGL renderer (read once, when the view is created). */
  readonly renderer?: 'canvas' | 'webgl';
  readonly problems: readonly string[];
}

/** Reads the view parameters from a query string. */
export function readUrl(search: string): UrlView {
  const p = new URLSearchParams(search);
  const problems: string[] = [];
  const out: {
    time?: Day;
    actor?: string;
    data?: string;
    ds?: string;
    knownOn?: Day;
    compare?: [Day, Day];
    eventWindow?: number;
    mode?: 'at' | 'cumulative' | 'range' | 'current';
    from?: Day;
    pair?: [string, string];
    renderer?: 'canvas' | 'webgl';
  } = {};
  const dayParam = (name: string, what: string): Day | undefined => {
    const v = p.get(name);
    if (v === null) return undefined;
    const d = isoToDay(v);
    if (d === null)
      problems.push(`The ${what} "${v}" in the address is not a YYYY-MM-DD day; ignored.`);
    return d ?? undefined;
  };
  const t = dayParam('t', 'date');
  if (t !== undefined) out.time = t;
  const known = dayParam('known', 'as-known-on date');
  if (known !== undefined) out.knownOn = known;
  const compare = p.get('compare');
  if (compare !== null) {
    const [a, b] = compare.split('..').map((x) => isoToDay(x));
    if (a === null || b === null || a === undefined || b === undefined) {
      problems.push(
        `The comparison "${compare}" in the address is not YYYY-MM-DD..YYYY-MM-DD; ignored.`,
      );
    } else out.compare = [a, b];
  }
  const mode = p.get('mode');
  if (mode === 'at' || mode === 'cumulative' || mode === 'range' || mode === 'current') {
    out.mode = mode;
  } else if (mode !== null) {
    problems.push(
      `The mode "${mode}" in the address is not at, cumulative, range or current; ignored.`,
    );
  }
  const from = dayParam('from', 'range start');
  if (from !== undefined) out.from = from;
  const pair = p.get('pair')?.split(',');
  if (pair?.length === 2 && pair[0] && pair[1]) out.pair = [pair[0], pair[1]];
  const actor = p.get('actor');
  if (actor) out.actor = actor;
  const data = p.get('data');
  if (data) out.data = data;
  const ds = p.get('ds');
  if (ds) out.ds = ds;
  const w = p.get('window');
  if (w !== null) {
    if (/^\d{1,4}$/.test(w)) out.eventWindow = Number(w);
    else problems.push(`The event window "${w}" in the address is not a number of days; ignored.`);
  }
  const renderer = p.get('renderer');
  if (renderer === 'canvas' || renderer === 'webgl') out.renderer = renderer;
  else if (renderer !== null)
    problems.push(`The renderer "${renderer}" in the address is not canvas or webgl; ignored.`);
  const facets: UrlView['facets'] = {};
  for (const f of ['sources', 'statuses', 'types', 'kinds'] as const) {
    const v = p.get(f);
    if (v !== null) facets[f] = v === '' ? [] : v.split(',');
  }
  return { ...out, facets, problems };
}

/** The parts of the view the URL holds. */
export interface UrlState {
  readonly time: Day | null;
  readonly actor: string | null;
  readonly lens: Lens;
  readonly compare: readonly [Day, Day] | null;
  readonly eventWindow: number;
  /** The saved-library id of the dataset on screen, or null. */
  readonly datasetId: string | null;
  /** The time mode (written unless it is `at`) and, for a range, its start. */
  readonly mode?: 'at' | 'cumulative' | 'range' | 'current';
  readonly from?: Day;
  /** The pair whose history is open. */
  readonly pair?: readonly [string, string] | null;
}

/** The query string for a view, keeping parameters it does not own (data=, …). */
export function writeUrl(search: string, view: UrlState): string {
  const p = new URLSearchParams(search);
  const put = (name: string, value: string | null): void => {
    if (value === null) p.delete(name);
    else p.set(name, value);
  };
  put('ds', view.datasetId);
  if (view.datasetId !== null) p.delete('data');
  put('t', view.time === null ? null : dayToIso(view.time));
  put('actor', view.actor);
  put('known', view.lens.knownOn === null ? null : dayToIso(view.lens.knownOn));
  put(
    'compare',
    view.compare ? `${dayToIso(view.compare[0])}..${dayToIso(view.compare[1])}` : null,
  );
  put('window', view.eventWindow === 30 ? null : String(view.eventWindow));
  if (view.mode !== undefined) {
    put('mode', view.mode === 'at' ? null : view.mode);
    put('from', view.mode === 'range' && view.from !== undefined ? dayToIso(view.from) : null);
  }
  if (view.pair !== undefined) put('pair', view.pair ? view.pair.join(',') : null);
  for (const f of ['sources', 'statuses', 'types', 'kinds'] as const) {
    const v: readonly (string | Status)[] | null = view.lens[f];
    put(f, v === null ? null : v.join(','));
  }
  const s = p.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}
