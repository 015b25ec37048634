// The import dialog's questions for graph files: GEXF type and time attributes, Cytoscape label, type, time and weight fields.
import type { Mutable } from '../model';
import type { CytoscapeInspection, GexfInspection } from '../io/import';
import type { CytoscapeOptions, DateOrder, GexfOptions } from '../io/import/types';

/** A select of "(none)" plus options; '' means null. */
function FieldSelect({
  label,
  value,
  none,
  options,
  onChange,
}: {
  label: string;
  value: string | null | undefined;
  none: string;
  options: readonly { value: string; text: string }[];
  onChange: (v: string | null) => void;
}) {
  return (
    <label className="mapping-row">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{none}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Day/month order radios for dates that fit both. */
function OrderChoice({
  examples,
  order,
  onChange,
}: {
  examples: readonly string[];
  order: DateOrder;
  onChange: (o: DateOrder) => void;
}) {
  return (
    <fieldset className="mapping-row">
      <legend>Dates like {examples.slice(0, 3).join(', ')} fit both orders. Which is it?</legend>
      {(['mdy', 'dmy'] as DateOrder[]).map((o) => (
        <label key={o}>
          <input
            type="radio"
            name="graph-date-order"
            checked={order === o}
            onChange={() => onChange(o)}
          />
          {o === 'mdy' ? 'month/day/year' : 'day/month/year'}
        </label>
      ))}
    </fieldset>
  );
}

/** GEXF: the type attribute, and time attributes when the elements carry no time. */
export function GexfForm({
  inspection: i,
  options,
  onChange,
}: {
  inspection: GexfInspection;
  options: GexfOptions;
  onChange: (o: GexfOptions) => void;
}) {
  const set = (patch: Partial<Mutable<GexfOptions>>): void => onChange({ ...options, ...patch });
  const timeOptions = i.timeCandidates.map((c) => ({
    value: c.key,
    text: `${c.owner === 'node' ? 'actor' : 'tie'} attribute "${c.title}" — e.g. ${c.examples.join(', ')}`,
  }));
  const chosen = i.timeCandidates.find((c) => c.key === options.startAttribute);
  return (
    <div className="mapping">
      <p>
        GEXF {i.version ?? ''}, {i.mode}, {i.nodes} nodes, {i.edges} edges; time as {i.timeformat}
        {i.timezone ? ` in ${i.timezone}` : ''}.
      </p>
      <FieldSelect
        label="Relation type from"
        value={options.typeAttribute}
        none="(one type: Tie)"
        options={i.typeCandidates.map((c) => ({
          value: c.key,
          text: `${c.title} — ${c.distinct} values, e.g. ${c.examples.slice(0, 3).join(', ')}`,
        }))}
        onChange={(v) => set({ typeAttribute: v })}
      />
      {!i.elementsTimed && i.timeCandidates.length > 0 ? (
        <>
          <FieldSelect
            label="Date or start from"
            value={options.startAttribute}
            none="(no time)"
            options={timeOptions}
            onChange={(v) => set({ startAttribute: v })}
          />
          <FieldSelect
            label="End from"
            value={options.endAttribute}
            none="(none)"
            options={timeOptions}
            onChange={(v) => set({ endAttribute: v })}
          />
          {chosen?.dates.ambiguous ? (
            <OrderChoice
              examples={chosen.dates.examples}
              order={options.dateOrder ?? chosen.dates.order}
              onChange={(o) => set({ dateOrder: o })}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** Cytoscape JSON: the field naming the actors, and the edge fields for type, time and weight. */
export function CytoscapeForm({
  inspection: i,
  options,
  onChange,
}: {
  inspection: CytoscapeInspection;
  options: CytoscapeOptions;
  onChange: (o: CytoscapeOptions) => void;
}) {
  const edgeOptions = i.edgeFields.map((f) => ({
    value: f.name,
    text: `${f.name} — e.g. ${f.examples.slice(0, 2).join(', ')}`,
  }));
  const rows = [
    ['typeAttribute', 'Relation type from'],
    ['startAttribute', 'Date or start from'],
    ['endAttribute', 'End from'],
    ['weightAttribute', 'Weight (line width) from'],
  ] as const;
  return (
    <div className="mapping">
      <p>
        Cytoscape network, {i.nodes} nodes, {i.edges} edges
        {i.positioned === i.nodes && i.nodes > 0 ? '; the saved layout is used' : ''}.
      </p>
      <FieldSelect
        label="Actor names from"
        value={options.labelAttribute}
        none="(ids)"
        options={i.nodeFields.map((f) => ({
          value: f.name,
          text: `${f.name} — e.g. ${f.examples.slice(0, 2).join(', ')}`,
        }))}
        onChange={(v) => onChange({ ...options, labelAttribute: v })}
      />
      {rows.map(([key, label]) => (
        <FieldSelect
          key={key}
          label={label}
          value={options[key]}
          none="(none)"
          options={edgeOptions}
          onChange={(v) => onChange({ ...options, [key]: v })}
        />
      ))}
    </div>
  );
}
