// The legend: every colour, line style and shape the graph uses, explained; docked beside the graph when open, long type lists grouped by family.
import { useMemo, useState } from 'react';
import { legendOf, typesByFamily, type LegendLine, type LegendType } from '../graph/legend-data';
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
 * Below this window height the legend starts folded: open, it takes a column of the graph area (it is
 * docked beside the graph, never over it), which a short window can spare less easily.
 */
export const LEGEND_OPEN_MIN_HEIGHT = 1000;

/** Up to this many relation types are listed flat; more are grouped by family, each with its count. */
export const LEGEND_FLAT_TYPES = 12;

/** The panel's short text for each line style (the title attribute carries the whole meaning). */
const LINE_TEXT: Record<LegendLine['id'], string> = {
  fuzzy: 'Uncertain date',
  fading: 'Event fading',
  merged: 'One line per pair and type',
  lasting: 'Until the next record',
};

/** Relation types listed per group; the rest are counted ("+N more") and found under Filters. */
const MAX_LEGEND_TYPES = 40;

function TypeList({ types }: { types: readonly LegendType[] }) {
  return (
    <>
      <ul>
        {types.slice(0, MAX_LEGEND_TYPES).map((t) => (
          <li key={t.id}>
            <Line color={t.color} arrow={t.directed} />
            {clip(t.label, 80)}
            {t.kind === 'event' ? ' (event)' : ''}
          </li>
        ))}
      </ul>
      {types.length > MAX_LEGEND_TYPES ? (
        <p className="legend-more">
          +{types.length - MAX_LEGEND_TYPES} more types (find them under Filters)
        </p>
      ) : null}
    </>
  );
}

/**
 * The relation types: flat when few; grouped by family when many (a family folded when there are
 * more than three), types without a family under "Other types". Each group says how many it holds.
 */
function Types({ types }: { types: readonly LegendType[] }) {
  if (types.length <= LEGEND_FLAT_TYPES) return <TypeList types={types} />;
  const groups = typesByFamily(types);
  return (
    <>
      {groups.map((g) => (
        <details key={g.family} className="legend-family" open={groups.length <= 3}>
          <summary>
            {g.family || (groups.length > 1 ? 'Other types' : 'All types')} ({g.types.length})
          </summary>
          <TypeList types={g.types} />
        </details>
      ))}
    </>
  );
}

/** The legend panel beside the graph, rendered from the same data as the exports' legends. */
export function Legend() {
  const model = useView(modelOf);
  const data = useMemo(() => (model ? legendOf(model) : null), [model]);
  const [open, setOpen] = useState(() => window.innerHeight >= LEGEND_OPEN_MIN_HEIGHT);
  if (!data) return null;
  const dash = data.dashPattern.join(' ');
  return (
    <section className={open ? 'legend docked' : 'legend'} aria-label="Legend">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Legend</summary>
        <details className="legend-section" open>
          <summary>
            <h2>Relation types ({data.types.length})</h2>
          </summary>
          <Types types={data.types} />
        </details>
        <details className="legend-section" open>
          <summary>
            <h2>Status and time</h2>
          </summary>
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
        </details>
        <details className="legend-section" open>
          <summary>
            <h2>Actors</h2>
          </summary>
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
      </details>
    </section>
  );
}
