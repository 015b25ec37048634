// Keeping the address in step with the view: open what the URL names at start, then rewrite it as the view changes.
import type { StoreApi } from 'zustand';
import type { ActorId } from '../model';
import { readUrl, writeUrl } from '../store/url';
import type { Facet, ViewStore } from '../store/store';
import { BUNDLED_URL, loadFromLibrary, loadFromUrl, type LoadOutcome } from './load';
import { currentLoad } from './load-control';

/** The URL parameters of a state. */
export function urlOf(s: ViewStore): string {
  return writeUrl(window.location.search, {
    time: s.time,
    actor: s.selected,
    lens: s.lens,
    compare: s.compare,
    eventWindow: s.eventWindow,
    datasetId: s.datasetId,
    mode: s.mode,
    from: s.range[0],
    pair: s.pair,
  });
}

/** The full address that restores the exact view (dataset, date, selection, lens, comparison). */
export function permalink(s: ViewStore): string {
  return window.location.origin + window.location.pathname + urlOf(s);
}

/** How long the date must rest before the address is rewritten for it (ms). */
const URL_DELAY = 250;

/** Rewrites the address for the state when it differs (replaceState: no history entry per change). */
function writeAddress(state: ViewStore): void {
  const search = urlOf(state);
  if (search !== window.location.search) {
    window.history.replaceState(null, '', window.location.pathname + search + window.location.hash);
  }
}

/**
 * Keeps the address in step with the store. A scrub or play changes the date many times a second;
 * replaceState costs ~1 ms each in Chromium (and Chromium throttles pages that call it hundreds of
 * times in a few seconds), so a date change is written once the date rests for URL_DELAY. Other
 * changes are written at once. Returns the unsubscribe.
 */
function followStore(store: StoreApi<ViewStore>): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    writeAddress(store.getState());
  };
  const unsubscribe = store.subscribe((next, prev) => {
    if (!next.dataset) return;
    if (
      next.selected !== prev.selected ||
      next.lens !== prev.lens ||
      next.compare !== prev.compare ||
      next.eventWindow !== prev.eventWindow ||
      next.datasetId !== prev.datasetId ||
      next.mode !== prev.mode ||
      next.range !== prev.range ||
      next.pair !== prev.pair
    ) {
      flush();
    } else if (next.time !== prev.time) {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, URL_DELAY);
    }
  });
  if (store.getState().dataset) writeAddress(store.getState());
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}

/**
 * Opens the dataset the URL names (or the bundled one) at the view the URL names, then keeps the URL
 * in step. Returns the stop function (for an effect's cleanup).
 */
export function startUrlSync(store: StoreApi<ViewStore>): () => void {
  const view = readUrl(window.location.search);
  const initial = {
    ...(view.time !== undefined ? { time: view.time } : {}),
    actor: view.actor ?? null,
  };
  let unsubscribe = (): void => {};
  let cancelled = false;
  void (async () => {
    if (view.eventWindow !== undefined) store.getState().setEventWindow(view.eventWindow);
    const notices: string[] = [];
    let outcome: LoadOutcome = 'failed';
    if (view.ds) {
      const r = await loadFromLibrary(store, view.ds, { initial });
      if (typeof r === 'object') {
        notices.push(
          `The dataset named in the address (ds=${view.ds}) could not be opened: ${r.missing} Showing ${view.data ? 'the one at data=' : 'the bundled one'} instead.`,
        );
      } else outcome = r;
    }
    if (outcome === 'failed') {
      outcome = await loadFromUrl(store, view.data ?? BUNDLED_URL, { initial, notices });
      if (outcome === 'failed' && view.data) {
        // The named dataset failed: show the bundled one underneath the error, so the page is never empty.
        const error = store.getState().loadError;
        outcome = await loadFromUrl(store, BUNDLED_URL, { initial, notices });
        if (error) store.getState().failLoad(error);
      }
    }
    if (outcome === 'cancelled') {
      // A later load (the user's file, a saved dataset) took over: it alone decides what is on screen.
      // When the user cancelled the download itself and nothing is on screen, open the bundled dataset.
      if (!currentLoad(store) && !store.getState().dataset) {
        await loadFromUrl(store, BUNDLED_URL, {
          notices: [...notices, 'Loading the dataset named in the address was cancelled.'],
        });
      }
      if (!cancelled) unsubscribe = followStore(store);
      return;
    }
    if (cancelled) return;
    const s = store.getState();
    for (const [facet, values] of Object.entries(view.facets)) s.setFacet(facet as Facet, values);
    if (view.knownOn !== undefined) s.setKnownOn(view.knownOn);
    if (view.compare) s.setCompare(view.compare);
    if (view.mode) s.setMode(view.mode);
    if (view.mode === 'range' && view.from !== undefined) s.setRange([view.from, s.time]);
    if (view.pair) s.selectPair(view.pair[0] as ActorId, view.pair[1] as ActorId);
    if (view.problems.length) {
      const earlier = store.getState().notice;
      store.getState().setNotice([earlier, ...view.problems].filter(Boolean).join(' '));
    }
    unsubscribe = followStore(store);
  })();
  return () => {
    cancelled = true;
    unsubscribe();
  };
}
