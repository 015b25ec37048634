// The left sidebar: tabs for the actor list, the claims lens and the comparison of two dates.
import { Suspense, lazy, useState, type KeyboardEvent } from 'react';
import { ActorList } from './ActorList';
import { useView } from './StoreContext';
import { isOpen } from '../model';

// The filters and the comparison load when their tab is first opened.
const LensPanel = lazy(() => import('./LensPanel').then((m) => ({ default: m.LensPanel })));
const ComparePanel = lazy(() =>
  import('./ComparePanel').then((m) => ({ default: m.ComparePanel })),
);

const TABS = [
  { id: 'actors', label: 'Actors' },
  { id: 'filters', label: 'Filters' },
  { id: 'compare', label: 'Compare' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** Tabs over the three side panels; arrow keys move between tabs. */
export function Sidebar() {
  const [tab, setTab] = useState<TabId>('actors');
  const filtering = useView((s) => !isOpen(s.lens));
  const comparing = useView((s) => s.compare !== null);
  const onKey = (e: KeyboardEvent): void => {
    const i = TABS.findIndex((t) => t.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(i + step + TABS.length) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div className="sidebar">
      <div role="tablist" aria-label="Side panels" className="tabs" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {(t.id === 'filters' && filtering) || (t.id === 'compare' && comparing) ? (
              <span className="dot" aria-label="(active)" />
            ) : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        <Suspense fallback={<p className="hint">Loading…</p>}>
          {tab === 'actors' ? <ActorList /> : tab === 'filters' ? <LensPanel /> : <ComparePanel />}
        </Suspense>
      </div>
    </div>
  );
}
