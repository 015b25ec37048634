// One load at a time, the newest intent wins: each load (URL, library, file, bundled) takes a ticket
// whose AbortSignal a later load fires, so the earlier one's fetch and worker stop and it never reaches
// the screen.
import type { StoreApi } from 'zustand';
import type { ViewStore } from '../store/store';

/** Where a load comes from. */
export type LoadKind = 'url' | 'bundled' | 'library' | 'file';

/** One load: its signal (aborted when a later load starts or the user cancels) and whether it still counts. */
export interface LoadTicket {
  readonly id: number;
  readonly kind: LoadKind;
  readonly signal: AbortSignal;
  /** Stops this load (the user's Cancel). */
  cancel(): void;
}

interface Control {
  current: { ticket: LoadTicket; ctrl: AbortController } | null;
  next: number;
}

const controls = new WeakMap<StoreApi<ViewStore>, Control>();

function controlOf(store: StoreApi<ViewStore>): Control {
  let c = controls.get(store);
  if (!c) {
    c = { current: null, next: 1 };
    controls.set(store, c);
  }
  return c;
}

/** The error a cancelled load rejects with (the same name fetch and the import client use). */
export function abortError(message = 'The load was cancelled.'): DOMException {
  return new DOMException(message, 'AbortError');
}

/** True for the rejection of a cancelled fetch, import or load. */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** Throws an AbortError when the load was superseded or cancelled (call between steps). */
export function checkLive(ticket: LoadTicket): void {
  if (ticket.signal.aborted) throw abortError();
}

/** Starts a load, cancelling the one before it (its fetch, its worker, its save). */
export function beginLoad(store: StoreApi<ViewStore>, kind: LoadKind): LoadTicket {
  const c = controlOf(store);
  c.current?.ctrl.abort();
  const ctrl = new AbortController();
  const ticket: LoadTicket = {
    id: c.next++,
    kind,
    signal: ctrl.signal,
    cancel: () => ctrl.abort(),
  };
  c.current = { ticket, ctrl };
  return ticket;
}

/** Marks a load as over (done, failed or cancelled), unless a later one has taken its place. */
export function endLoad(store: StoreApi<ViewStore>, ticket: LoadTicket): void {
  const c = controlOf(store);
  if (c.current?.ticket === ticket) c.current = null;
}

/** The load in progress, if any. */
export function currentLoad(store: StoreApi<ViewStore>): LoadTicket | null {
  return controlOf(store).current?.ticket ?? null;
}
