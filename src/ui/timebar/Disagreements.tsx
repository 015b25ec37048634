// Where the sources in view date a tie differently: light strips along the foot of the time bar's histogram.
import { useMemo } from 'react';
import { dateDisagreements, type ActorId, type Day } from '../../model';
import { modelOf, selectSpans, selectStatuses } from '../../store/selectors';
import { dayX } from '../DayAxis';
import { useView } from '../StoreContext';

/** Rows of the strips of date disagreement, so overlapping ones stay apart. */
const BAND_ROWS = 4;

/**
 * Where the sources in view date a tie differently: a light strip (the uncertain drawing of the graph)
 * along the bottom of the histogram over the stretch of disagreement, in the tie's type colour.
 */
export function Disagreements({
  first,
  last,
  colors,
  H,
}: {
  first: Day;
  last: Day;
  colors: Map<string, string> | undefined;
  /** The histogram's height. */
  H: number;
}) {
  const model = useView(modelOf);
  const lens = useView((s) => s.lens);
  const spans = useView(selectSpans);
  const statuses = useView(selectStatuses);
  const bands = useMemo(
    () => (model ? dateDisagreements(model, lens, spans, statuses) : []),
    [model, lens, spans, statuses],
  );
  if (!model || bands.length === 0) return null;
  return (
    <g className="disagreements">
      {bands.map((b, k) => {
        const r = model.dataset.relations[b.ordinal]!;
        const x0 = dayX(b.from, first, last);
        const name = (id: ActorId) => model.actorById.get(id)?.name ?? id;
        return (
          <rect
            key={k}
            className="disagreement"
            data-relation={r.id}
            x={x0}
            y={H - 3 * ((k % BAND_ROWS) + 1)}
            width={Math.max(2, dayX(b.to, first, last) - x0)}
            height={3}
            fill={colors?.get(r.type) ?? '#666'}
          >
            <title>{`Sources differ on the date: ${model.typeById.get(r.type)?.label ?? r.type}, ${name(r.source)} – ${name(r.target)}`}</title>
          </rect>
        );
      })}
    </g>
  );
}
