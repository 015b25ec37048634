// The actor list: a search over names and aliases, and one button per actor that selects it, as a click on its node does.
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { clip, compareNames, type Actor, type ActorId } from '../model';
import { modelOf, selectActiveDegree } from '../store/selectors';
import { useStoreApi, useView } from './StoreContext';
import { useRowWindow } from './useRowWindow';

/** Folds case and diacritics so "nusra" finds "Nuṣra" and "jabhat an-nusra" finds its alias. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`ʿʾ]/g, '')
    .toLowerCase();
}

/** A row's height in CSS pixels (app.css sets `.actor-list li` to it): the list renders only rows in view. */
const ROW_HEIGHT = 24;

/** The searchable list of actors. */
export function ActorList() {
  const store = useStoreApi();
  const model = useView(modelOf);
  const activeDegree = useView(selectActiveDegree);
  const selected = useView((s) => s.selected);
  const [query, setQuery] = useState('');

  const actors = useMemo(() => {
    if (!model) return [];
    const q = fold(query.trim());
    return [...model.dataset.actors]
      .filter((a) => !q || [a.name, a.id, ...a.aliases].some((n) => fold(n).includes(q)))
      .sort((a, b) => compareNames(a.name, b.name));
  }, [model, query]);
  // The rows are rendered after the rest of the view, in a background render React can interrupt:
  // a new dataset's graph does not wait for 2,000 new rows, nor a keystroke in the search for them.
  const listed = useDeferredValue(actors);

  const select = useCallback((id: ActorId): void => store.getState().selectActor(id), [store]);
  const rows = useRef<HTMLDivElement>(null);
  const { start, end } = useRowWindow(rows, listed.length, ROW_HEIGHT);
  return (
    <nav className="actor-list" aria-label="Actors">
      <input
        type="search"
        placeholder="Find an actor (name or alias)"
        aria-label="Find an actor"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && actors[0]) select(actors[0].id);
        }}
      />
      {/* Only the rows in view exist; padding stands in for the rest, so the scrollbar spans them all. */}
      <div className="rows" ref={rows}>
        <ul
          aria-label={`${listed.length} actors`}
          style={{
            paddingTop: start * ROW_HEIGHT,
            paddingBottom: (listed.length - end) * ROW_HEIGHT + 8,
          }}
        >
          {listed.slice(start, end).map((a, i) => (
            <ActorRow
              key={a.id}
              actor={a}
              position={start + i + 1}
              of={listed.length}
              count={activeDegree.get(a.id) ?? 0}
              selected={a.id === selected}
              onSelect={select}
            />
          ))}
        </ul>
      </div>
      {listed.length === 0 && actors.length === 0 ? (
        <p className="empty">No actor matches “{query}”.</p>
      ) : null}
    </nav>
  );
}

/** One actor's button. Memoised: a date step changes the counts of a few actors, and only their rows render again. */
const ActorRow = memo(function ActorRow({
  actor: a,
  position,
  of,
  count: n,
  selected,
  onSelect,
}: {
  actor: Actor;
  position: number;
  of: number;
  count: number;
  selected: boolean;
  onSelect: (id: ActorId) => void;
}) {
  return (
    <li aria-posinset={position} aria-setsize={of}>
      <button
        type="button"
        className={`actor${selected ? ' is-selected' : ''}${n === 0 ? ' is-idle' : ''}`}
        aria-pressed={selected}
        onClick={() => onSelect(a.id)}
        title={a.aliases.length ? `Also: ${a.aliases.join(', ')}` : a.name}
      >
        <span className="name">{clip(a.name, 200)}</span>
        <span className="count" aria-hidden="true">
          {n || ''}
        </span>
      </button>
    </li>
  );
});
