// The claims lens: filters by source, status, type and actor kind with the count each leaves, and the "as known on" date.
import { useMemo, useState } from 'react';
import { typeColors } from '../graph/palette';
import { kindLabel } from '../graph/palette';
import {
  STATUSES,
  dayToIso,
  edtf,
  facetCounts,
  formatDay,
  formatEdtf,
  isOpen,
  isoToDay,
} from '../model';
import { modelOf } from '../store/selectors';
import type { Facet } from '../store/store';
import { useStoreApi, useView } from './StoreContext';

/** One option of a facet: its value, its label, and how many relations it would leave. */
interface Option {
  readonly value: string;
  readonly label: string;
  readonly count: number;
  readonly swatch?: string;
}

/** A facet with more options than this gets a search box. */
const SEARCH_FROM = 12;
/** Options listed at once (100,000 relation types once built a million DOM nodes here). */
const MAX_FACET_OPTIONS = 100;

/** A group of checkboxes for one facet; all checked means "no filter". */
function FacetGroup({
  facet,
  title,
  options,
}: {
  facet: Facet;
  title: string;
  options: readonly Option[];
}) {
  const store = useStoreApi();
  const selected = useView((s) => s.lens[facet]);
  const all = options.map((o) => o.value);
  const isOn = (v: string): boolean => selected === null || selected.some((x) => x === v);
  const toggle = (v: string): void => {
    const current = selected === null ? all : [...selected];
    const next = current.includes(v) ? current.filter((x) => x !== v) : [...current, v];
    store
      .getState()
      .setFacet(
        facet,
        next.length === all.length && all.every((x) => next.includes(x)) ? null : next,
      );
  };
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const matching = q ? options.filter((o) => o.label.toLowerCase().includes(q)) : options;
  const shown = matching.slice(0, MAX_FACET_OPTIONS);
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      {options.length > SEARCH_FROM ? (
        <input
          type="search"
          className="facet-search"
          aria-label={`Find ${title.toLowerCase()}`}
          placeholder={`Find among ${options.length}`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      ) : null}
      {shown.map((o) => (
        <label key={o.value} className="facet-option">
          <input type="checkbox" checked={isOn(o.value)} onChange={() => toggle(o.value)} />
          {o.swatch ? (
            <span className="swatch" style={{ background: o.swatch }} aria-hidden="true" />
          ) : null}
          <span className="facet-label">{o.label}</span>
          <span className="facet-count" aria-label={`${o.count} relations`}>
            {o.count}
          </span>
        </label>
      ))}
      {matching.length > shown.length ? (
        <p className="facet-more">
          +{matching.length - shown.length} more; type in the search box to find them.
        </p>
      ) : null}
    </fieldset>
  );
}

/** The whole lens panel. */
export function LensPanel() {
  const store = useStoreApi();
  const model = useView(modelOf);
  const lens = useView((s) => s.lens);
  const counts = useMemo(() => (model ? facetCounts(model, lens) : null), [model, lens]);
  if (!model || !counts) return null;
  const d = model.dataset;
  const colors = typeColors(d.relationTypes);
  const kinds = [...new Set(d.actors.map((a) => a.kind))];
  const published = d.sources
    .filter((s) => s.published)
    .map((s) => ({
      id: s.id,
      day: edtf(s.published!).latest,
      text: formatEdtf(edtf(s.published!)),
    }))
    .sort((a, b) => a.day - b.day);
  const knownOn = lens.knownOn;
  return (
    <section className="lens" aria-label="Filters">
      <p className="lens-total" role="note">
        {counts.total} of {d.relations.length} relations pass the filters
        {!isOpen(lens) ? (
          <>
            {' '}
            <button type="button" onClick={() => store.getState().resetLens()}>
              Reset filters
            </button>
          </>
        ) : null}
      </p>
      <fieldset className="facet">
        <legend>As known on</legend>
        <label>
          <span className="visually-hidden">As known on</span>
          <input
            type="date"
            aria-label="As known on"
            value={knownOn === null ? '' : dayToIso(knownOn)}
            onChange={(e) => {
              const day = isoToDay(e.target.value);
              store.getState().setKnownOn(e.target.value === '' ? null : day);
            }}
          />
        </label>{' '}
        {knownOn !== null ? (
          <button type="button" onClick={() => store.getState().setKnownOn(null)}>
            Everything known
          </button>
        ) : null}
        <p className="hint">
          {knownOn === null
            ? 'All claims count, whenever their source was published.'
            : `Only claims published by ${formatDay(knownOn)} count.`}
        </p>
        <div className="pub-steps" role="group" aria-label="Publication dates">
          {published.map((p) => (
            <button
              key={p.id}
              type="button"
              className={knownOn === p.day ? 'is-on' : ''}
              title={d.sources.find((s) => s.id === p.id)?.title}
              onClick={() => store.getState().setKnownOn(p.day)}
            >
              {p.text}
            </button>
          ))}
        </div>
      </fieldset>
      <FacetGroup
        facet="sources"
        title="Sources"
        options={d.sources.map((s) => ({
          value: s.id,
          label: `${s.title}${s.publisher ? ` (${s.publisher})` : ''}`,
          count: counts.sources.get(s.id) ?? 0,
        }))}
      />
      <FacetGroup
        facet="statuses"
        title="Status"
        options={STATUSES.map((s) => ({ value: s, label: s, count: counts.statuses.get(s) ?? 0 }))}
      />
      <FacetGroup
        facet="types"
        title="Relation types"
        options={d.relationTypes.map((t) => ({
          value: t.id,
          label: t.label,
          count: counts.types.get(t.id) ?? 0,
          swatch: colors.get(t.id) ?? '#888',
        }))}
      />
      <FacetGroup
        facet="kinds"
        title="Actor kinds"
        options={kinds.map((k) => ({
          value: k,
          label: kindLabel(k),
          count: counts.kinds.get(k) ?? 0,
        }))}
      />
    </section>
  );
}
