// The legend: every colour, line style and shape the graph uses, explained.
import { useMemo, useState } from 'react';
import { legendOf, type LegendLine } from '../graph/legend-data';
import { LASTING_COLOR, LASTING_OUTLINE } from '../graph/style';
import { clip } from '../model';
import { modelOf } from '../store/selectors';
import { useView } from './StoreContext';
import { NODE_FILL, NODE_STROKE } from '../graph/colors';

function Line({
  color,
  dash,
  arrow = false,
  opacity = 1,
  cased = false,
}: {
  color: string;
  dash?: string | undefined;
  arrow?: boolean;
  opacity?: number;
  cased?: boolean;
}) {
  return (
    <svg width="34" height="10" aria-hidden="true">
      {cased ? (
        <line
          x1="1"
          y1="5"
          x2="33"
          y2="5"
          stroke={LASTING_COLOR}
          strokeWidth={2.5 + 2 * LASTING_OUTLINE}
        />
      ) : null}
      <line
        x1="1"
        y1="5"
        x2={arrow ? 26 : 33}
        y2="5"
        stroke={color}
        strokeWidth="2.5"
        strokeDasharray={dash}
        opacity={opacity}
      />
      {arrow ? <polygon points="25,1 33,5 25,9" fill={color} opacity={opacity} /> : null}
    </svg>
  );
}

function Shape({ shape }: { shape: string }) {
  const common = { fill: NODE_FILL, stroke: NODE_STROKE, strokeWidth: 1.2 };
  return (
    <svg width="14" height="14" aria-hidden="true">
      {shape === 'round-rectangle' ? (
        <rect x="1.5" y="2.5" width="11" height="9" rx="2" {...common} />
      ) : shape === 'diamond' ? (
        <polygon points="7,1 13,7 7,13 1,7" {...common} />
      ) : shape === 'hexagon' ? (
        <polygon points="4,1.5 10,1.5 13,7 10,12.5 4,12.5 1,7" {...common} />
      ) : shape === 'triangle' ? (
        <polygon points="7,1.5 13,12.5 1,12.5" {...common} />
      ) : (
        <circle cx="7" cy="7" r="5.5" {...common} />
      )}
    </svg>
  );
}

/**
 * Below this window height the legend starts folded: open, it covers about a third of the graph of a
 * 900-pixel-high window (the graph area is about 640 px there), hiding the actors beneath it.
 */
export const LEGEND_OPEN_MIN_HEIGHT = 1000;

/** The panel's short text for each line style (the title attribute carries the whole meaning). */
const LINE_TEXT: Record<LegendLine['id'], string> = {
  fuzzy: 'Uncertain date',
  fading: 'Event fading',
  merged: 'One line per pair and type',
  lasting: 'Until the next record',
};

/** Relation types listed in the legend; the rest are counted ("+N more") and found under Filters. */
const MAX_LEGEND_TYPES = 40;

/** The legend panel over the graph, rendered from the same data as the exports' legends. */
export function Legend() {
  const model = useView(modelOf);
  const data = useMemo(() => (model ? legendOf(model) : null), [model]);
  const [open, setOpen] = useState(() => window.innerHeight >= LEGEND_OPEN_MIN_HEIGHT);
  if (!data) return null;
  const dash = data.dashPattern.join(' ');
  return (
    <section className="legend" aria-label="Legend">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Legend</summary>
        <h2>Relation types</h2>
        <ul>
          {data.types.slice(0, MAX_LEGEND_TYPES).map((t) => (
            <li key={t.id}>
              <Line color={t.color} arrow={t.directed} />
              {clip(t.label, 80)}
              {t.kind === 'event' ? ' (event)' : ''}
            </li>
          ))}
        </ul>
        {data.types.length > MAX_LEGEND_TYPES ? (
          <p className="legend-more">
            +{data.types.length - MAX_LEGEND_TYPES} more types (find them under Filters)
          </p>
        ) : null}
        <h2>Status and time</h2>
        <ul>
          {data.statuses.map((s) => (
            <li key={s.status} title={s.meaning}>
              <Line color="#555" dash={s.line === 'dashed' ? dash : undefined} /> {s.label}
            </li>
          ))}
          {data.lines.map((l) => (
            <li key={l.id} title={l.meaning}>
              <Line
                color={l.id === 'lasting' ? '#d9d9d9' : '#555'}
                opacity={l.opacities[l.opacities.length - 1] ?? 1}
                cased={l.id === 'lasting'}
              />{' '}
              {LINE_TEXT[l.id]}
            </li>
          ))}
        </ul>
        <h2>Actors</h2>
        <ul>
          {data.kinds.map((k) => (
            <li key={k.kind}>
              <Shape shape={k.shape} />
              {k.label}
            </li>
          ))}
          <li>
            <span style={{ opacity: data.dimmed.opacity }}>
              <Shape shape="ellipse" />
            </span>
            {data.dimmed.label}
          </li>
        </ul>
      </details>
    </section>
  );
}
