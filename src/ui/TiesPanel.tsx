// The ties panel: a hint until an actor is selected, then its ties (ActorTies, loaded on first selection).
import { lazy, Suspense } from 'react';
import { useView } from './StoreContext';

// The ties, their support and their sources load when an actor is first selected.
const ActorTies = lazy(() => import('./ActorTies').then((m) => ({ default: m.ActorTies })));

/** The hint shown while no actor is selected. */
export function NoActor() {
  return (
    <aside className="ties-panel empty" aria-label="Ties">
      <p>
        Select an actor (on the graph or in the list) to read its ties and the sources behind them.
      </p>
    </aside>
  );
}

/** The panel for the selected actor, or a hint when none is selected. */
export function TiesPanel() {
  const selected = useView((s) => s.selected);
  if (!selected) return <NoActor />;
  return (
    <Suspense fallback={<aside className="ties-panel" aria-label="Ties" aria-busy="true" />}>
      <ActorTies />
    </Suspense>
  );
}
