// The history of one pair (a tie tapped on the graph, or a pair chosen in the ties panel): its lane and its records in order, each with its sources.
import { useMemo } from 'react';
import {
  datesOf,
  edtf,
  formatEdtf,
  formatTime,
  pairHistory,
  timeScaleOf,
  type ActorId,
  type Model,
} from '../../model';
import { modelOf } from '../../store/selectors';
import { useStoreApi, useView } from '../StoreContext';
import { Lane } from './Lane';

/** One record of the pair: type, direction, dates (saying when the end is derived), status and sources. */
function Record({ model, ordinal }: { model: Model; ordinal: number }) {
  const store = useStoreApi();
  const r = model.dataset.relations[ordinal]!;
  const type = model.typeById.get(r.type);
  const lo = model.index.spans[ordinal]!.lo;
  const name = (id: ActorId): string => model.actorById.get(id)?.name ?? id;
  const arrow = type?.directed ? '→' : '–';
  return (
    <li className="pair-record">
      <div>
        <strong>{type?.label ?? r.type}</strong> {name(r.source)} {arrow} {name(r.target)}
        {model.statuses[ordinal] ? (
          <span className={`badge status-${model.statuses[ordinal]}`}>
            {model.statuses[ordinal]}
          </span>
        ) : null}
        {Number.isFinite(lo) ? (
          <button
            type="button"
            className="link show-record"
            onClick={() => store.getState().setTime(lo)}
            aria-label={`Show ${formatTime(lo, timeScaleOf(model.dataset))}`}
          >
            show
          </button>
        ) : null}
      </div>
      <div className="tie-dates">{datesOf(model, ordinal)}</div>
      <ul className="claims">
        {r.claims.map((c, k) => {
          const src = model.sourceById.get(c.source);
          return (
            <li key={k}>
              {c.stance === 'asserts' ? 'Asserts' : 'Disputes'}:{' '}
              <cite>{src?.title ?? c.source}</cite>
              {src?.published ? `, ${formatEdtf(edtf(src.published))}` : ''} — {c.locator}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/** The open pair's history, or nothing when no pair is open (or its actors are not in the dataset). */
export function PairHistory() {
  const store = useStoreApi();
  const model = useView(modelOf);
  const pair = useView((s) => s.pair);
  const segments = useMemo(
    () => (model && pair ? pairHistory(model, pair[0], pair[1]) : []),
    [model, pair],
  );
  if (!model || !pair) return null;
  const [a, b] = pair.map((id) => model.actorById.get(id)?.name ?? id) as [string, string];
  const label = `History of ${a} and ${b}`;
  return (
    <section className="pair-history" role="region" aria-label={label}>
      <header>
        <h2>{label}</h2>
        <button
          type="button"
          className="close"
          onClick={() => store.getState().closePair()}
          aria-label="Close pair history"
        >
          ×
        </button>
      </header>
      {segments.length ? (
        <>
          <Lane model={model} segments={segments} label={label} />
          <ol className="pair-records">
            {segments.map((s) => (
              <Record key={s.ordinal} model={model} ordinal={s.ordinal} />
            ))}
          </ol>
        </>
      ) : (
        <p className="none">No record joins these two actors.</p>
      )}
    </section>
  );
}
