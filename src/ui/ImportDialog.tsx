// The import dialog: inspect the file, let the user confirm or change the mapping, then import with progress and cancel.
import { useEffect, useRef, useState } from 'react';
import type { ClientImportOptions } from '../io/import/client';
import type { Inspection } from '../io/import';
import type { ImportResult } from '../io/import/types';
import { applyImport, runImport } from '../app/importing';
import type { Dataset } from '../model';
import { MappingForm, useMappingChoices, type MappedInspection } from './ImportMapping';
import { hasVocabulary, VocabularyStep } from './VocabularyStep';
import { MAX_ACTORS, MAX_RELATIONS } from '../io/limits';
import { beginLoad, endLoad, isAbort, type LoadTicket } from '../app/load-control';
import { useStoreApi } from './StoreContext';
import { errorMessage } from '../model';

type Phase =
  | { step: 'inspecting' }
  | { step: 'mapping'; inspection: MappedInspection }
  | { step: 'importing'; done: number; total: number }
  | { step: 'vocabulary'; result: Extract<ImportResult, { ok: true }> };

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

/**
 * The dialog's load: inspect the file (a Tieline file is imported at once; a mapped format waits for
 * `confirm`), then import it through the vocabulary step. Cancellable until the dataset is on screen.
 */
function useImportRun(file: File, onClose: () => void, onMapping: (i: MappedInspection) => void) {
  const store = useStoreApi();
  const [phase, setPhase] = useState<Phase>({ step: 'inspecting' });
  const ticket = useRef<LoadTicket | null>(null);

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
        onMapping(inspection);
        setPhase({ step: 'mapping', inspection });
      } catch (e) {
        if (isAbort(e)) return;
        store
          .getState()
          .failLoad({ file: file.name, issues: [{ path: '', message: errorMessage(e) }] });
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
    const onProgress = (done: number, total: number): void => {
      if (!t.signal.aborted) setPhase({ step: 'importing', done, total });
    };
    try {
      // Tieline files load as they are; other formats stop at the vocabulary step before loading.
      if (!('csv' in options || 'gexf' in options || 'cytoscape' in options)) {
        await runImport(store, file, options, t, { onProgress });
      } else {
        const { importFile } = await import('../io/import/client');
        const result = await importFile(file, options, { onProgress, signal: t.signal });
        if (t.signal.aborted) return;
        if (result.ok && hasVocabulary(result.dataset)) {
          setPhase({ step: 'vocabulary', result });
          return;
        }
        await applyImport(store, file.name, result, t);
      }
    } catch (e) {
      if (isAbort(e)) return;
      failed(e);
    }
    if (!t.signal.aborted) finish(t);
  }

  /** Says why the import failed, on the file, keeping what is on screen. */
  function failed(e: unknown): void {
    store
      .getState()
      .failLoad({ file: file.name, issues: [{ path: '', message: errorMessage(e) }] });
  }

  /** The mapping step confirmed: import with the options chosen there. */
  function confirm(options: ClientImportOptions): void {
    const t = ticket.current;
    if (!t || t.signal.aborted) return;
    void start(options, t);
  }

  /** The vocabulary step accepted: load the dataset with its types as the user left them. */
  async function accept(
    result: Extract<ImportResult, { ok: true }>,
    dataset: Dataset,
  ): Promise<void> {
    const t = ticket.current;
    if (!t || t.signal.aborted) return;
    setPhase({ step: 'importing', done: file.size, total: file.size });
    try {
      await applyImport(store, file.name, { ...result, dataset }, t);
    } catch (e) {
      if (isAbort(e)) return;
      failed(e);
    }
    if (!t.signal.aborted) finish(t);
  }

  return { phase, cancel, confirm, accept };
}

/** A modal dialog for one file; closes itself when the import ends or is cancelled. */
export function ImportDialog({ file, onClose }: { file: File; onClose: () => void }) {
  const choices = useMappingChoices();
  const { phase, cancel, confirm, accept } = useImportRun(file, onClose, choices.suggest);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('select, input, button')?.focus();
  }, [phase.step]);

  const inspection = phase.step === 'mapping' ? phase.inspection : null;
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
        {inspection ? <MappingForm inspection={inspection} choices={choices} /> : null}
        {phase.step === 'vocabulary' ? (
          <VocabularyStep
            dataset={phase.result.dataset}
            onAccept={(d) => void accept(phase.result, d)}
          />
        ) : null}
        <div className="modal-actions">
          {inspection ? (
            <button
              type="button"
              className="primary"
              onClick={() => confirm(choices.options(inspection))}
            >
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
