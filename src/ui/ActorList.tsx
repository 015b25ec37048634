// The actor list: a search over names and aliases, and one button per actor that selects it, as a click on its node does.
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { compareNames, type Actor, type ActorId } from '../model';
import { modelOf, selectActiveDegree } from '../store/selectors';
import { useStoreApi, useView } from './StoreContext';

/** Folds case and diacritics so "nusra" finds "Nuṣra" and "jabhat an-nusra" finds its alias. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`ʿʾ]/g, '')
    .toLowerCase();
}

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
      <ul>
        {listed.map((a) => (
          <ActorRow
            key={a.id}
            actor={a}
            count={activeDegree.get(a.id) ?? 0}
            selected={a.id === selected}
            onSelect={select}
          />
        ))}
      </ul>
      {listed.length === 0 && actors.length === 0 ? (
        <p className="empty">No actor matches “{query}”.</p>
      ) : null}
    </nav>
  );
}

/**
 * One actor's button. Memoised: a date step changes the counts of a few actors, and only their rows
 * render again (with 2,000 actors, re-rendering every row took most of a key press's React time).
 */
const ActorRow = memo(function ActorRow({
  actor: a,
  count: n,
  selected,
  onSelect,
}: {
  actor: Actor;
  count: number;
  selected: boolean;
  onSelect: (id: ActorId) => void;
}) {
  return (
    <li>
      <button
        type="button"
        className={`actor${selected ? ' is-selected' : ''}${n === 0 ? ' is-idle' : ''}`}
        aria-pressed={selected}
        onClick={() => onSelect(a.id)}
        title={a.aliases.length ? `Also: ${a.aliases.join(', ')}` : a.name}
      >
        {a.name}
        <span className="count" aria-hidden="true">
          {n || ''}
        </span>
      </button>
    </li>
  );
});
