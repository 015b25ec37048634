// The import dialog: inspect the file, let the user confirm or change the mapping, then import with progress and cancel.
import { useEffect, useRef, useState } from 'react';
import type { ClientImportOptions } from '../io/import/client';
import type { Inspection } from '../io/import';
import type { CsvMapping, DateOrder } from '../io/import/types';
import { runImport } from '../app/importing';
import { MAX_ACTORS, MAX_RELATIONS } from '../io/limits';
import { beginLoad, endLoad, isAbort, type LoadTicket } from '../app/load-control';
import { useStoreApi } from './StoreContext';

type Phase =
  | { step: 'inspecting' }
  | { step: 'mapping'; inspection: Inspection }
  | { step: 'importing'; done: number; total: number };

const ROLES: { key: keyof CsvMapping; label: string; required?: boolean }[] = [
  { key: 'source', label: 'Source (from)', required: true },
  { key: 'target', label: 'Target (to)', required: true },
  { key: 'type', label: 'Relation type' },
  { key: 'start', label: 'Date or start' },
  { key: 'end', label: 'End' },
];

/** Columns offered in each role's list: a file with 50,000 columns would build 250,000 options. */
const MAX_LISTED_COLUMNS = 500;
/** Columns shown in the preview table. */
const MAX_PREVIEW_COLUMNS = 12;

/** The inspection's node or edge count past Tieline's limits, as an issue (GEXF, Cytoscape JSON). */
function overLimits(inspection: Inspection): { path: string; message: string } | null {
  if (!inspection.ok || !('nodes' in inspection)) return null;
  const n = (v: number): string => v.toLocaleString('en-US');
  if (inspection.nodes > MAX_ACTORS) {
    return {
      path: 'nodes',
      message: `the file has ${n(inspection.nodes)} nodes; Tieline draws at most ${n(MAX_ACTORS)} actors. Filter the network and import a part.`,
    };
  }
  if (inspection.edges > MAX_RELATIONS) {
    return {
      path: 'edges',
      message: `the file has ${n(inspection.edges)} edges; Tieline draws at most ${n(MAX_RELATIONS)} relations. Filter the network and import a part.`,
    };
  }
  return null;
}

/** A modal dialog for one file; closes itself when the import ends or is cancelled. */
export function ImportDialog({ file, onClose }: { file: File; onClose: () => void }) {
  const store = useStoreApi();
  const [phase, setPhase] = useState<Phase>({ step: 'inspecting' });
  const [csv, setCsv] = useState<Partial<CsvMapping>>({});
  const [actorsFile, setActorsFile] = useState<File | null>(null);
  const [gexfType, setGexfType] = useState<string | null | undefined>(undefined);
  const [cy, setCy] = useState<{
    typeAttribute?: string | null;
    startAttribute?: string | null;
    endAttribute?: string | null;
  }>({});
  const ticket = useRef<LoadTicket | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Choosing a file is the newest intent: it cancels any load still running (a ?data= download, …).
    const t = beginLoad(store, 'file');
    ticket.current = t;
    void (async () => {
      const { inspectFile } = await import('../io/import/client');
      try {
        const inspection = await inspectFile(file, {}, { signal: t.signal });
        if (t.signal.aborted) return;
        if (!inspection.ok) {
          store.getState().failLoad({ file: file.name, issues: inspection.issues });
          finish(t);
          return;
        }
        const over = overLimits(inspection);
        if (over) {
          // Refused from the inspection's counts, before the import builds 200,000 actors to refuse them.
          store.getState().failLoad({ file: file.name, issues: [over] });
          finish(t);
          return;
        }
        if (inspection.format === 'tieline') {
          await start({}, t);
          return;
        }
        if (inspection.format === 'csv') setCsv(inspection.mapping);
        if (inspection.format === 'gexf') setGexfType(inspection.suggestedType);
        if (inspection.format === 'cytoscape') setCy(inspection.suggested);
        setPhase({ step: 'mapping', inspection });
      } catch (e) {
        if (isAbort(e)) return;
        store.getState().failLoad({ file: file.name, issues: [{ path: '', message: String(e) }] });
        finish(t);
      }
    })();
    // A later load (a saved dataset, the bundled one) took over: this dialog has nothing left to do.
    const superseded = (): void => onClose();
    t.signal.addEventListener('abort', superseded, { once: true });
    return () => {
      t.signal.removeEventListener('abort', superseded);
      t.cancel();
      endLoad(store, t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- inspect once per file
  }, [file]);

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('select, input, button')?.focus();
  }, [phase.step]);

  /** Ends this dialog's load and closes it (only if no later load has taken over). */
  function finish(t: LoadTicket): void {
    endLoad(store, t);
    onClose();
  }

  /** The user's Cancel: honoured until the dataset is on screen (nothing is kept when it is). */
  function cancel(): void {
    const t = ticket.current;
    if (t && !t.signal.aborted) {
      t.cancel();
      store.getState().setNotice(`Import of ${file.name} cancelled.`);
    }
    if (t) finish(t);
    else onClose();
  }

  async function start(options: ClientImportOptions, t: LoadTicket): Promise<void> {
    setPhase({ step: 'importing', done: 0, total: file.size });
    try {
      await runImport(store, file, options, t, {
        onProgress: (done, total) => {
          if (!t.signal.aborted) setPhase({ step: 'importing', done, total });
        },
      });
    } catch (e) {
      if (isAbort(e)) return;
      store.getState().failLoad({ file: file.name, issues: [{ path: '', message: String(e) }] });
    }
    if (!t.signal.aborted) finish(t);
  }

  const inspection = phase.step === 'mapping' ? phase.inspection : null;
  const confirm = (): void => {
    if (!inspection || !inspection.ok) return;
    const t = ticket.current;
    if (!t || t.signal.aborted) return;
    if (inspection.format === 'csv')
      void start({ csv, ...(actorsFile ? { actors: actorsFile } : {}) }, t);
    else if (inspection.format === 'gexf')
      void start({ gexf: { typeAttribute: gexfType ?? null } }, t);
    else if (inspection.format === 'cytoscape') void start({ cytoscape: cy }, t);
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={`Import ${file.name}`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            cancel();
          }
        }}
      >
        <h2>Import {file.name}</h2>
        {phase.step === 'inspecting' ? <p>Reading the file…</p> : null}
        {phase.step === 'importing' ? (
          <>
            <p>Importing… {phase.total ? Math.round((phase.done / phase.total) * 100) : 0}%</p>
            <progress aria-label="Import progress" max={phase.total || 1} value={phase.done} />
          </>
        ) : null}
        {inspection?.ok && inspection.format === 'csv' ? (
          <div className="mapping">
            <p>
              {inspection.columns.length} columns, delimiter{' '}
              <code>
                {inspection.delimiter === '\t'
                  ? 'tab'
                  : inspection.delimiter === ' '
                    ? 'space'
                    : inspection.delimiter}
              </code>
              {inspection.hasHeader ? ', with a header row' : ', no header row'}. Check which column
              is which:
            </p>
            {inspection.columns.length > MAX_LISTED_COLUMNS ? (
              <p className="notice">
                Only the first {MAX_LISTED_COLUMNS} of {inspection.columns.length} columns can be
                chosen here; move the columns you need to the front of the file.
              </p>
            ) : null}
            {ROLES.map((role) => (
              <label key={role.key} className="mapping-row">
                <span>{role.label}</span>
                <select
                  value={String(csv[role.key] ?? '')}
                  onChange={(e) => {
                    const v = e.target.value;
                    setCsv((m) => {
                      const next: Record<string, unknown> = { ...m };
                      if (v === '') delete next[role.key];
                      else next[role.key] = Number(v);
                      return next as Partial<CsvMapping>;
                    });
                  }}
                >
                  {role.required ? null : <option value="">(none)</option>}
                  {inspection.columns.slice(0, MAX_LISTED_COLUMNS).map((c) => (
                    <option key={c.index} value={c.index}>
                      {c.name} — e.g. {c.examples.slice(0, 2).join(', ')}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {inspection.ambiguous ? (
              <fieldset className="mapping-row">
                <legend>
                  Dates like {inspection.examples.slice(0, 3).join(', ')} fit both orders. Which is
                  it?
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
            </label>
            <label className="mapping-row">
              <input
                type="checkbox"
                checked={csv.mergeYearly ?? false}
                onChange={(e) => setCsv((m) => ({ ...m, mergeYearly: e.target.checked }))}
              />
              Merge rows that repeat a relation each year into one span
            </label>
            <label className="mapping-row">
              Actors file (optional: id, name, …){' '}
              <input
                type="file"
                accept=".csv,.tsv,.txt"
                onChange={(e) => setActorsFile(e.target.files?.[0] ?? null)}
              />
            </label>
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
        ) : null}
        {inspection?.ok && inspection.format === 'gexf' ? (
          <div className="mapping">
            <p>
              GEXF {inspection.version ?? ''}, {inspection.mode}, {inspection.nodes} nodes,{' '}
              {inspection.edges} edges; time as {inspection.timeformat}
              {inspection.timezone ? ` in ${inspection.timezone}` : ''}.
            </p>
            <label className="mapping-row">
              <span>Relation type from</span>
              <select
                value={gexfType ?? ''}
                onChange={(e) => setGexfType(e.target.value === '' ? null : e.target.value)}
              >
                <option value="">(one type: Tie)</option>
                {inspection.typeCandidates.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.title} — {c.distinct} values, e.g. {c.examples.slice(0, 3).join(', ')}
                  </option>
                ))}
              </select>
            </label>
          </div>
        ) : null}
        {inspection?.ok && inspection.format === 'cytoscape' ? (
          <div className="mapping">
            <p>
              Cytoscape network, {inspection.nodes} nodes, {inspection.edges} edges.
            </p>
            {(
              [
                ['typeAttribute', 'Relation type from'],
                ['startAttribute', 'Date or start from'],
                ['endAttribute', 'End from'],
              ] as const
            ).map(([key, label]) => (
              <label key={key} className="mapping-row">
                <span>{label}</span>
                <select
                  value={cy[key] ?? ''}
                  onChange={(e) =>
                    setCy((o) => ({ ...o, [key]: e.target.value === '' ? null : e.target.value }))
                  }
                >
                  <option value="">(none)</option>
                  {inspection.edgeFields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.name} — e.g. {f.examples.slice(0, 2).join(', ')}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        ) : null}
        <div className="modal-actions">
          {phase.step === 'mapping' ? (
            <button type="button" className="primary" onClick={confirm}>
              Import
            </button>
          ) : null}
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
