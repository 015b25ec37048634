// The time bar's histogram: relation starts per bin, stacked by type, with the date as a cursor; a click on a bar jumps there.
import { useMemo } from 'react';
import { timeScaleOf, type Day } from '../../model';
import { modelOf } from '../../store/selectors';
import { AXIS_WIDTH, Cursor, dayX } from '../DayAxis';
import { deferred } from '../deferred';
import { useStoreApi, useView } from '../StoreContext';
import { barLabel, binsOf } from './bars';

// The strips of date disagreement load after the first paint: a decoration, not the startup path.
const Disagreements = deferred(() => import('./Disagreements').then((m) => m.Disagreements));

/** Height of the histogram view box. */
const H = 48;

/** Height of a bar (or of a type's part of one) of `count` relations, the tallest bin being `max`. */
function heightOf(count: number, max: number): number {
  return (count / max) * (H - 4);
}

/** The stacked histogram of relation starts per month; clicking a bar jumps to that month. */
export function Histogram({ first, last }: { first: Day; last: Day }) {
  const store = useStoreApi();
  const model = useView(modelOf);
  const time = useView((s) => s.time);
  const bars = useMemo(() => (model ? binsOf(model, first, last) : null), [model, first, last]);
  // The bars depend on the dataset and extent only: built once, so a date step re-renders the cursor alone.
  const drawn = useMemo(() => {
    if (!bars || !model) return null;
    return bars.edges.slice(0, -1).map((edge, j) => {
      const x0 = dayX(edge, first, last);
      const w = Math.max(1, dayX(bars.edges[j + 1] as Day, first, last) - x0 - 1);
      let y = H;
      const total = bars.totals[j] ?? 0;
      const label = barLabel(edge, bars.edges[j + 1] as Day, timeScaleOf(model.dataset));
      return (
        <g
          key={edge}
          className="bar"
          onClick={() => store.getState().setTime(Math.max(edge, first))}
        >
          <title>{`${label}: ${total} relation(s) start`}</title>
          <rect x={x0} y={0} width={w} height={H} fill="transparent" />
          {bars.counts === null ? (
            <rect
              x={x0}
              y={H - heightOf(total, bars.max)}
              width={w}
              height={heightOf(total, bars.max)}
              fill="#8a8f98"
            />
          ) : (
            bars.types.map((t) => {
              const c = bars.counts.get(t.id)?.[j] ?? 0;
              if (c === 0) return null;
              const h = heightOf(c, bars.max);
              y -= h;
              return (
                <rect key={t.id} x={x0} y={y} width={w} height={h} fill={bars.colors.get(t.id)} />
              );
            })
          )}
        </g>
      );
    });
  }, [bars, model, first, last, store]);
  if (!drawn) return null;
  return (
    <svg
      className="histogram"
      viewBox={`0 0 ${AXIS_WIDTH} ${H}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {drawn}
      <Disagreements first={first} last={last} colors={bars?.colors ?? undefined} H={H} />
      <Cursor x={dayX(time, first, last)} height={H} />
    </svg>
  );
}
