// The CSV part of the import dialog: the suggested mapping with its reasons, what looks wrong, and every choice.
import { useEffect, useState } from 'react';
import type { CsvInspection } from '../io/import';
import { lookWrong } from '../io/import/flags';
import type { ActorColumns, CsvMapping, DateOrder } from '../io/import/types';

type Mapping = Partial<CsvMapping>;
type RoleKey = Exclude<
  keyof CsvMapping,
  | 'hasHeader'
  | 'delimiter'
  | 'dateOrder'
  | 'directed'
  | 'mergeYearly'
  | 'mergeReports'
  | 'associates'
  | 'actorSeparator'
  | 'referenceSeparator'
  | 'actorColumns'
  | 'known'
>;

const MAIN: { key: RoleKey; label: string; required?: boolean }[] = [
  { key: 'source', label: 'Source (from)', required: true },
  { key: 'target', label: 'Target (to)', required: true },
  { key: 'type', label: 'Relation type' },
  { key: 'start', label: 'Date or start' },
  { key: 'end', label: 'End' },
];
const MORE: { key: RoleKey; label: string }[] = [
  { key: 'sourceName', label: 'Source names (when the source holds ids)' },
  { key: 'targetName', label: 'Target names' },
  { key: 'family', label: 'Type family' },
  { key: 'precision', label: 'Date precision (1 day, 2 about, 3 month)' },
  { key: 'weight', label: 'Weight (fatalities, rating, score)' },
  { key: 'sign', label: 'Sign (+ cooperative, − hostile)' },
  { key: 'reference', label: 'Source of each claim (publisher, URL)' },
  { key: 'summary', label: 'Summary' },
  { key: 'place', label: 'Place' },
  { key: 'id', label: 'Relation id (unique per row)' },
];
/** Columns shown in the preview table (a file may have tens of thousands). */
const MAX_PREVIEW_COLUMNS = 12;

const SEPARATORS: [string, string][] = [
  ['', 'one actor per cell'],
  [', ', 'comma ( , )'],
  ['; ', 'semicolon ( ; )'],
  [' | ', 'bar ( | )'],
  [' / ', 'slash ( / )'],
];

function RoleSelect({
  role,
  inspection,
  csv,
  setCsv,
}: {
  role: { key: RoleKey; label: string; required?: boolean };
  inspection: CsvInspection;
  csv: Mapping;
  setCsv: (f: (m: Mapping) => Mapping) => void;
}) {
  return (
    <label className="mapping-row">
      <span>{role.label}</span>
      <select
        value={String(csv[role.key] ?? '')}
        onChange={(e) => {
          const v = e.target.value;
          setCsv((m) => {
            const next: Record<string, unknown> = { ...m };
            if (v === '') delete next[role.key];
            else next[role.key] = Number(v);
            return next as Mapping;
          });
        }}
      >
        {role.required ? null : <option value="">(none)</option>}
        {inspection.columns.map((c) => (
          <option key={c.index} value={c.index}>
            {c.name} — e.g. {c.examples.slice(0, 2).join(', ')}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Column pickers for an actors file, filled from its header once the file is chosen. */
function ActorsPickers({
  file,
  csv,
  setCsv,
}: {
  file: File;
  csv: Mapping;
  setCsv: (f: (m: Mapping) => Mapping) => void;
}) {
  const [names, setNames] = useState<readonly string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [{ inspectActors }, text] = await Promise.all([
        import('../io/import/actors'),
        file.text(),
      ]);
      const r = inspectActors({ name: file.name, text });
      if (!live) return;
      if (!r.ok) {
        setError(r.issues[0]?.message ?? 'the file cannot be read');
        return;
      }
      setNames(r.inspection.names);
      const c = r.inspection.columns;
      const cols: Record<string, number> = {};
      for (const [k, v] of Object.entries(c)) if (v !== null) cols[k] = v;
      setCsv((m) => ({ ...m, actorColumns: cols as ActorColumns }));
    })();
    return () => {
      live = false;
    };
  }, [file, setCsv]);
  if (error) return <p className="flags">{error}</p>;
  if (!names) return null;
  const keys: [keyof ActorColumns, string][] = [
    ['id', 'Actor id'],
    ['name', 'Actor name'],
    ['kind', 'Actor kind'],
    ['aliases', 'Aliases'],
  ];
  return (
    <>
      {keys.map(([key, label]) => (
        <label key={key} className="mapping-row">
          <span>{label}</span>
          <select
            value={String(csv.actorColumns?.[key] ?? '')}
            onChange={(e) => {
              const v = e.target.value;
              setCsv((m) => {
                const cols: Record<string, unknown> = { ...(m.actorColumns ?? {}) };
                if (v === '') delete cols[key];
                else cols[key] = Number(v);
                return { ...m, actorColumns: cols as ActorColumns };
              });
            }}
          >
            {key === 'id' ? null : <option value="">(none)</option>}
            {names.map((n, i) => (
              <option key={i} value={i}>
                {n}
              </option>
            ))}
          </select>
        </label>
      ))}
    </>
  );
}

/** What was recognised, the file's shape, why each column got its role, and what looks wrong. */
function Summary({ inspection, csv }: { inspection: CsvInspection; csv: Mapping }) {
  const flags = lookWrong(csv, inspection.columns, inspection.rows);
  const delimiter =
    inspection.delimiter === '\t'
      ? 'tab'
      : inspection.delimiter === ' '
        ? 'space'
        : inspection.delimiter;
  return (
    <>
      {inspection.known ? (
        <p className="known-format">
          Recognised: <strong>{inspection.known.label}</strong>. Its columns, names and type
          vocabulary are used as the file documents them.
        </p>
      ) : null}
      <p>
        {inspection.columns.length} columns, delimiter <code>{delimiter}</code>
        {inspection.hasHeader ? ', with a header row' : ', no header row'}. Check which column is
        which:
      </p>
      {(inspection.preview[0]?.length ?? 0) > inspection.columns.length ? (
        <p className="notice">
          Only the first {inspection.columns.length} of {inspection.preview[0]?.length} columns can
          be chosen here; move the columns you need to the front of the file.
        </p>
      ) : null}
      {inspection.reasons.length > 0 ? (
        <ul className="reasons" aria-label="Why these columns">
          {inspection.reasons.map((r, i) => (
            <li key={i}>{r.text}</li>
          ))}
        </ul>
      ) : null}
      {flags.length > 0 ? (
        <ul className="flags" aria-label="This may be wrong">
          {flags.map((f, i) => (
            <li key={i}>⚠ {f}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Separator, date order, direction and the merging options. */
function Options({
  inspection,
  csv,
  setCsv,
}: {
  inspection: CsvInspection;
  csv: Mapping;
  setCsv: (f: (m: Mapping) => Mapping) => void;
}) {
  return (
    <>
      <label className="mapping-row">
        <span>Cells with several actors</span>
        <select
          value={csv.actorSeparator ?? ''}
          onChange={(e) => {
            const v = e.target.value;
            setCsv((m) => {
              const next: Mapping = { ...m };
              if (v === '') delete (next as { actorSeparator?: string }).actorSeparator;
              else (next as { actorSeparator?: string }).actorSeparator = v;
              return next;
            });
          }}
        >
          {SEPARATORS.map(([v, label]) => (
            <option key={v} value={v}>
              {v === '' ? label : `split on ${label}, keeping text in parentheses whole`}
            </option>
          ))}
        </select>
      </label>
      {inspection.ambiguous ? (
        <fieldset className="mapping-row">
          <legend>
            Dates like {inspection.examples.slice(0, 3).join(', ')} fit both orders. Which is it?
          </legend>
          {(['mdy', 'dmy'] as DateOrder[]).map((o) => (
            <label key={o}>
              <input
                type="radio"
                name="date-order"
                checked={(csv.dateOrder ?? 'mdy') === o}
                onChange={() => setCsv((m) => ({ ...m, dateOrder: o }))}
              />
              {o === 'mdy' ? 'month/day/year' : 'day/month/year'}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="mapping-row">
        <input
          type="checkbox"
          checked={csv.directed ?? true}
          onChange={(e) => setCsv((m) => ({ ...m, directed: e.target.checked }))}
        />
        Relations are directed (source → target)
        {inspection.symmetric ? ' — every pair appears both ways, so probably not' : ''}
      </label>
      <label className="mapping-row">
        <input
          type="checkbox"
          checked={csv.mergeYearly ?? false}
          onChange={(e) => setCsv((m) => ({ ...m, mergeYearly: e.target.checked }))}
        />
        Merge rows that repeat a relation in consecutive years or days into one span
        {inspection.repeats > 0 ? ` (${inspection.repeats} rows repeat)` : ''}
      </label>
      {csv.known && csv.known !== 'mmp' && csv.known !== 'ucdp' ? (
        <label className="mapping-row">
          <input
            type="checkbox"
            checked={csv.mergeReports ?? false}
            onChange={(e) => setCsv((m) => ({ ...m, mergeReports: e.target.checked }))}
          />
          One event told by several stories (same date, actors and type) is one relation with
          several claims
        </label>
      ) : null}
      {csv.sourceAssociates !== undefined || csv.targetAssociates !== undefined ? (
        <label className="mapping-row">
          <input
            type="checkbox"
            checked={csv.associates ?? false}
            onChange={(e) => setCsv((m) => ({ ...m, associates: e.target.checked }))}
          />
          Tie associated actors to their side (“Acted with”)
        </label>
      ) : null}
    </>
  );
}

/** The mapping form of a CSV inspection: suggestion, reasons, flags, and every column and option. */
export function CsvMappingForm({
  inspection,
  csv,
  setCsv,
  actorsFile,
  setActorsFile,
}: {
  inspection: CsvInspection;
  csv: Mapping;
  setCsv: (f: (m: Mapping) => Mapping) => void;
  actorsFile: File | null;
  setActorsFile: (f: File | null) => void;
}) {
  return (
    <div className="mapping">
      <Summary inspection={inspection} csv={csv} />
      {MAIN.map((role) => (
        <RoleSelect key={role.key} role={role} inspection={inspection} csv={csv} setCsv={setCsv} />
      ))}
      <details>
        <summary>More columns (names, weight, sources of claims, summary…)</summary>
        {MORE.map((role) => (
          <RoleSelect
            key={role.key}
            role={role}
            inspection={inspection}
            csv={csv}
            setCsv={setCsv}
          />
        ))}
      </details>
      <Options inspection={inspection} csv={csv} setCsv={setCsv} />
      <label className="mapping-row">
        Actors file (optional: a key of ids and names){' '}
        <input
          type="file"
          accept=".csv,.tsv,.txt,.tab"
          onChange={(e) => setActorsFile(e.target.files?.[0] ?? null)}
        />
      </label>
      {actorsFile ? <ActorsPickers file={actorsFile} csv={csv} setCsv={setCsv} /> : null}
      <table className="preview" aria-label="Preview">
        <tbody>
          {inspection.preview.slice(0, 4).map((row, i) => (
            <tr key={i}>
              {row.slice(0, MAX_PREVIEW_COLUMNS).map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
