// One pair's records as a lane over the whole extent: states as bars (cased where the end is derived), events as marks; a click moves the date.
import { useMemo } from 'react';
import { typeColors } from '../../graph/palette';
import { LASTING_COLOR } from '../../graph/style';
import { formatTime, timeScaleOf, type Day, type LaneSegment, type Model } from '../../model';
import { AXIS_WIDTH, Cursor, dayX } from '../DayAxis';
import { useStoreApi, useView } from '../StoreContext';

const W = AXIS_WIDTH;
const ROW = 12;

/** Horizontal position of a day on the lane, whose last day has its width (it runs to `last + 1`). */
function x(d: Day, first: Day, last: Day): number {
  return dayX(d, first, last + 1);
}

/** The lane of one pair (segments from `pairHistory`), with the current date as a cursor; a segment clicked moves the date to its start. */
export function Lane({
  model,
  segments,
  label,
}: {
  model: Model;
  segments: readonly LaneSegment[];
  label: string;
}) {
  const store = useStoreApi();
  const time = useView((s) => s.time);
  const colors = useMemo(() => typeColors(model.dataset.relationTypes), [model]);
  const extent = model.index.extent;
  if (!extent) return null;
  const { first, last } = extent;
  const rows = Math.max(1, ...segments.map((s) => s.row + 1));
  const h = rows * ROW;
  const rels = model.dataset.relations;
  return (
    <svg
      className="lane"
      viewBox={`0 0 ${W} ${h}`}
      preserveAspectRatio="none"
      style={{ height: `${rows * 10}px` }}
      aria-hidden="true"
      data-label={label}
    >
      <rect x={0} y={0} width={W} height={h} className="lane-bg" />
      {segments.map((s) => {
        const r = rels[s.ordinal]!;
        const type = model.typeById.get(r.type);
        const x0 = x(s.from, first, last);
        const w = Math.max(s.event ? 4 : 2, x(s.to, first, last) - x0);
        const y = s.row * ROW + 1;
        return (
          <rect
            key={s.ordinal}
            className={`seg${s.event ? ' event' : ''}${s.supersededBy !== undefined ? ' lasting' : ''}`}
            x={x0}
            y={y}
            width={w}
            height={ROW - 2}
            fill={colors.get(r.type) ?? '#888'}
            stroke={s.supersededBy !== undefined ? LASTING_COLOR : 'none'}
            strokeWidth={1}
            vectorEffect="non-scaling-stroke"
            onClick={() => store.getState().setTime(s.from)}
          >
            <title>{`${type?.label ?? r.type}, ${formatTime(s.from, timeScaleOf(model.dataset))}`}</title>
          </rect>
        );
      })}
      <Cursor x={x(time, first, last)} height={h} />
    </svg>
  );
}
