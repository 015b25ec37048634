// Compare two dates: pick A and B, see ties formed, ended and changed in status, each clickable.
import { useState } from 'react';
import { datesOf, dayToIso, formatTime, isoToDay, timeScaleOf, type Status } from '../model';
import { modelOf, selectChanges } from '../store/selectors';
import { useStoreApi, useView } from './StoreContext';

const KIND_TEXT = { formed: 'Formed', ended: 'Ended', changed: 'Status changed' } as const;
const statusText = (s: Status | null): string => s ?? 'not yet reported';

/** The comparison controls and the list of changes. */
export function ComparePanel() {
  const store = useStoreApi();
  const model = useView(modelOf);
  const compare = useView((s) => s.compare);
  const time = useView((s) => s.time);
  const changes = useView(selectChanges);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  if (!model) return null;
  const start = (): void => {
    const da = isoToDay(a || dayToIso(time));
    const db = isoToDay(b || dayToIso(time));
    if (da !== null && db !== null) store.getState().setCompare([da, db]);
  };
  const rels = model.dataset.relations;
  return (
    <section className="compare" aria-label="Compare dates">
      <div className="compare-form">
        <label>
          Date A{' '}
          <input
            type="date"
            value={a || (compare ? dayToIso(compare[0]) : '')}
            onChange={(e) => setA(e.target.value)}
          />
        </label>
        <label>
          Date B{' '}
          <input
            type="date"
            value={b || (compare ? dayToIso(compare[1]) : '')}
            onChange={(e) => setB(e.target.value)}
          />
        </label>
        <button type="button" onClick={start}>
          Compare
        </button>
        {compare ? (
          <button type="button" onClick={() => store.getState().setCompare(null)}>
            Stop comparing
          </button>
        ) : null}
      </div>
      {compare ? (
        <>
          <p className="hint">
            From {formatTime(compare[0], timeScaleOf(model.dataset))} to{' '}
            {formatTime(compare[1], timeScaleOf(model.dataset))}: {changes.length} change
            {changes.length === 1 ? '' : 's'}.
          </p>
          <ul className="compare-legend" aria-label="Comparison legend">
            <li>
              <span className="mark mark-formed" aria-hidden="true" /> formed
            </li>
            <li>
              <span className="mark mark-ended" aria-hidden="true" /> ended (shown faint)
            </li>
            <li>
              <span className="mark mark-changed" aria-hidden="true" /> status changed
            </li>
          </ul>
          <ol className="changes" aria-label="Changes">
            {changes.map((c) => {
              const r = rels[c.ordinal]!;
              const src = model.actorById.get(r.source)?.name ?? r.source;
              const tgt = model.actorById.get(r.target)?.name ?? r.target;
              const type = model.typeById.get(r.type);
              return (
                <li key={`${c.kind}-${c.ordinal}`} className={`change change-${c.kind}`}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      const s = store.getState();
                      s.selectActor(r.source);
                    }}
                  >
                    {KIND_TEXT[c.kind]}: {type?.label ?? r.type}, {src} – {tgt}
                  </button>
                  <span className="change-detail">
                    {datesOf(model, c.ordinal)}
                    {c.kind === 'changed'
                      ? ` · ${statusText(c.before)} → ${statusText(c.after)}`
                      : ''}
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      ) : (
        <p className="hint">
          Pick two dates to see which ties formed, ended or changed status between them.
        </p>
      )}
    </section>
  );
}
