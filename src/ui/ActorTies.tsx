// The selected actor's ties at the date, then its whole history, each with status, support and cited sources (loaded lazily by TiesPanel).
import { typeColors } from '../graph/palette';
import { useMemo } from 'react';
import {
  claimDates,
  claimFilter,
  datesAsWritten,
  datesOf,
  describeSupport,
  edtf,
  formatEdtf,
  formatTime,
  hasClaimDates,
  timeScaleOf,
  supportedDatesAsWritten,
  type ActorId,
  type Claim,
  type ClaimFilter,
  type Model,
  type Relation,
  type Status,
} from '../model';
import { modelOf, selectStatuses, tiesOf, type Tie } from '../store/selectors';
import { useStoreApi, useView } from './StoreContext';
import { deferred } from './deferred';

/** The partners' lanes load with the first selection (they are not needed to show the graph). */
const PartnerLanes = deferred(() => import('./pair/PartnerLanes').then((m) => m.PartnerLanes));

function direction(model: Model, r: Relation, actor: ActorId): string {
  const directed = model.typeById.get(r.type)?.directed ?? false;
  if (!directed || r.source === r.target) return 'with';
  return r.source === actor ? 'to' : 'from';
}

const STANCE_LABEL: Record<Claim['stance'], string> = {
  asserts: 'Asserts',
  disputes: 'Disputes',
  qualifies: 'Qualifies',
};

/** One claim: stance, source, where, the outlet it relays, the source's own dating, and its note. */
function ClaimItem({
  model,
  r,
  c,
  kind,
  dated,
  kept,
}: {
  model: Model;
  r: Relation;
  c: Claim;
  kind: 'state' | 'event' | undefined;
  dated: boolean;
  kept: boolean;
}) {
  const src = model.sourceById.get(c.source);
  const via = c.via
    ? (model.dataset.originators?.find((o) => o.id === c.via)?.name ?? c.via)
    : null;
  return (
    <li
      className={`claim stance-${c.stance}${kept ? '' : ' claim-out'}`}
      title={kept ? undefined : 'Left out by the filters or the as-known-on date'}
    >
      <span className="stance">{STANCE_LABEL[c.stance]}</span>:{' '}
      <cite>{src?.title ?? c.source}</cite>
      {src?.publisher ? `, ${src.publisher}` : ''}
      {src?.published ? `, ${formatEdtf(edtf(src.published))}` : ''} — {c.locator}
      {via ? <span className="via"> · via {via}</span> : null}
      {dated && c.stance !== 'disputes' ? (
        <span className="claim-dates">
          {' '}
          · dates it {datesAsWritten(claimDates(r, c), kind, timeScaleOf(model.dataset))}
        </span>
      ) : null}
      {c.note ? <span className="note"> ({c.note})</span> : null}
    </li>
  );
}

/** One tie: type, counterpart (a button that selects it), dates, status, support, paraphrase and claims. */
function TieItem({
  model,
  tie,
  actor,
  colors,
  status,
  keep,
}: {
  model: Model;
  tie: Tie;
  actor: ActorId;
  colors: Map<string, string>;
  status: Status | null;
  keep: ClaimFilter | undefined;
}) {
  const store = useStoreApi();
  const r = model.dataset.relations[tie.ordinal] as Relation;
  const type = model.typeById.get(r.type);
  const other = model.actorById.get(tie.other);
  const dated = hasClaimDates(r);
  return (
    <li className="tie">
      <div className="tie-head">
        <span className="type" style={{ borderColor: colors.get(r.type) }}>
          {type?.label ?? r.type}
        </span>{' '}
        <span className="dir">{direction(model, r, actor)}</span>{' '}
        <button
          type="button"
          className="link"
          onClick={() => store.getState().selectActor(tie.other)}
        >
          {other?.name ?? tie.other}
        </button>{' '}
        <button
          type="button"
          className="link pair-link"
          onClick={() => store.getState().selectPair(actor, tie.other)}
          aria-label={`Pair history with ${other?.name ?? tie.other}`}
          title="The pair's records over time"
        >
          history
        </button>
        {status ? (
          <span className={`badge status-${status}`}>{status}</span>
        ) : (
          <span
            className="badge status-filtered"
            title="No claim left under the filters or the as-known-on date"
          >
            filtered out
          </span>
        )}
      </div>
      <div className="tie-dates">
        {model.index.spans[tie.ordinal]?.supersededBy !== undefined
          ? datesOf(model, tie.ordinal)
          : supportedDatesAsWritten(r, type?.kind, keep, timeScaleOf(model.dataset))}
        {r.place ? ` · ${r.place}` : ''}
        {r.count !== undefined ? ` · ${r.count}` : ''}
      </div>
      <div className="tie-support">{describeSupport(model.dataset, r.claims, keep)}</div>
      {r.summary ? <p className="summary">{r.summary}</p> : null}
      <ul className="claims">
        {r.claims.map((c, k) => (
          <ClaimItem
            key={k}
            model={model}
            r={r}
            c={c}
            kind={type?.kind}
            dated={dated}
            kept={!keep || keep(c)}
          />
        ))}
      </ul>
    </li>
  );
}

/** A list of ties, each with its status under the lens. */
function TieList(props: {
  ties: readonly Tie[];
  className: string;
  model: Model;
  actor: ActorId;
  colors: Map<string, string>;
  statuses: readonly (Status | null)[];
  keep: ClaimFilter | undefined;
}) {
  return (
    <ul className={props.className}>
      {props.ties.map((t) => (
        <TieItem
          key={t.ordinal}
          model={props.model}
          tie={t}
          actor={props.actor}
          colors={props.colors}
          status={props.statuses[t.ordinal] ?? null}
          keep={props.keep}
        />
      ))}
    </ul>
  );
}

/** The panel for the selected actor, or the hint when it is not an actor of the dataset. */
export function ActorTies() {
  const store = useStoreApi();
  const model = useView(modelOf);
  const selected = useView((s) => s.selected);
  const time = useView((s) => s.time);
  const mode = useView((s) => s.mode);
  const range0 = useView((s) => s.range[0]);
  const range1 = useView((s) => s.range[1]);
  const dataset = useView((s) => s.dataset);
  const eventWindow = useView((s) => s.eventWindow);
  const lens = useView((s) => s.lens);
  const compare = useView((s) => s.compare);
  const ties = useMemo(
    () =>
      selected
        ? tiesOf(
            { dataset, eventWindow, mode, time, range: [range0, range1], lens, compare },
            selected,
          )
        : null,
    [selected, dataset, eventWindow, mode, time, range0, range1, lens, compare],
  );
  const statuses = useView(selectStatuses);
  const colors = useMemo(() => typeColors(model?.dataset.relationTypes ?? []), [model]);
  const keep = useMemo(() => (model ? claimFilter(model, lens) : undefined), [model, lens]);
  const actor = selected ? model?.actorById.get(selected) : undefined;
  if (!model || !actor || !ties) {
    return <aside className="ties-panel empty" aria-label="Ties" />;
  }
  const at = (d: number): string => formatTime(d, timeScaleOf(model.dataset));
  const when =
    mode === 'cumulative'
      ? `up to ${at(time)}`
      : mode === 'current'
        ? `as the latest records stand on ${at(time)}`
        : mode === 'range'
          ? `${at(range0)} – ${at(time)}`
          : `on ${at(time)}`;
  return (
    <aside className="ties-panel" role="region" aria-label={`Ties of ${actor.name}`}>
      <header>
        <h2>{actor.name}</h2>
        <button
          type="button"
          className="close"
          onClick={() => store.getState().selectActor(null)}
          aria-label="Clear selection"
        >
          ×
        </button>
        {actor.aliases.length ? <p className="aliases">Also: {actor.aliases.join(', ')}</p> : null}
        {actor.description ? <p className="description">{actor.description}</p> : null}
      </header>
      <h3>
        In view {when} ({ties.current.length})
      </h3>
      {ties.current.length ? (
        <TieList
          ties={ties.current}
          className="ties"
          {...{ model, actor: actor.id, colors, statuses, keep }}
        />
      ) : (
        <p className="none">No tie in view at this date.</p>
      )}
      <h3>Pairs over time</h3>
      <PartnerLanes actor={actor.id} />
      <h3>History ({ties.history.length})</h3>
      <TieList
        ties={ties.history}
        className="ties history"
        {...{ model, actor: actor.id, colors, statuses, keep }}
      />
    </aside>
  );
}
