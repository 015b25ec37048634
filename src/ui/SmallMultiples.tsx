// Small multiples: a collapsible strip of thumbnails of the graph at pinned (or spread) dates; activating one moves the time bar there.
import { Suspense, lazy, useId, useState } from 'react';
import type { GraphAdapter } from '../graph/adapter';
import { useStoreApi, useView } from './StoreContext';

/** The strip's code loads only when it is opened. */
const Strip = lazy(() => import('./MultiplesStrip').then((m) => ({ default: m.Strip })));

/** The region with its toggle; closed by default so the main view keeps its room. */
export function SmallMultiples({ adapter }: { adapter: GraphAdapter | null }) {
  const [open, setOpen] = useState(false);
  const stripId = useId();
  return (
    <section className="multiples" aria-label="Small multiples">
      <div className="multiples-head">
        <button
          type="button"
          className="multiples-toggle"
          aria-expanded={open}
          {...(open ? { 'aria-controls': stripId } : {})}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="multiples-caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Small multiples
        </button>
        {open ? <PinControls /> : null}
      </div>
      {open ? (
        <Suspense fallback={<p className="multiples-note">Drawing…</p>}>
          <Strip id={stripId} adapter={adapter} />
        </Suspense>
      ) : null}
    </section>
  );
}

/** "Pin this date" (the time bar's date) and "Unpin all", with a line on where the dates come from. */
function PinControls() {
  const store = useStoreApi();
  const hasData = useView((s) => s.dataset !== null);
  const pinnedNow = useView((s) => s.multiples.includes(s.time));
  const count = useView((s) => s.multiples.length);
  return (
    <>
      <button
        type="button"
        disabled={!hasData || pinnedNow}
        onClick={() => {
          const s = store.getState();
          s.setMultiples([...s.multiples, s.time]);
        }}
      >
        Pin this date
      </button>
      {count > 0 ? (
        <button type="button" onClick={() => store.getState().setMultiples([])}>
          Unpin all
        </button>
      ) : null}
      <span className="multiples-note">
        {count > 0
          ? `${count} pinned ${count === 1 ? 'date' : 'dates'}`
          : 'Dates spread across the events; pin dates to choose your own.'}
      </span>
    </>
  );
}
