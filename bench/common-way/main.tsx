// The "common way" reference: a plain React page that re-renders react-cytoscapejs with the filtered element list on each key press.
//
// It draws what Tieline draws: the benchmark copies Tieline's stylesheet, element data, positions,
// zoom, pan and canvas size from Tieline's page into a view file. The difference is the update path:
// here React hands CytoscapeComponent a new element list on every date (every actor, and the relations
// active at t found by a filter over all relations, with the same classes Tieline would give them),
// and react-cytoscapejs diffs it by id, adding and removing elements.
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import CytoscapeComponent from 'react-cytoscapejs';
import type { Dataset } from '../../src/model';
import { elementsAt, onCy, prepare, type View } from './elements';

function Page({ data, view }: { data: Dataset; view: View }) {
  const [t, setT] = useState(view.time);
  const prepared = useMemo(() => prepare(data, view), [data, view]);
  const elements = useMemo(() => elementsAt(prepared, view, t), [prepared, view, t]);
  useEffect(() => {
    if (window.__common) window.__common.ready = true;
  }, []);
  return (
    <main>
      <input
        className="bar"
        type="range"
        aria-label="Timeline"
        min={view.first}
        max={view.last}
        step={1}
        value={t}
        onChange={(e) => setT(Number(e.target.value))}
      />
      <CytoscapeComponent
        elements={elements}
        stylesheet={view.style}
        zoom={view.zoom}
        pan={view.pan}
        boxSelectionEnabled={false}
        style={{ width: `${view.width}px`, height: `${view.height}px` }}
        cy={onCy}
      />
    </main>
  );
}

async function main(): Promise<void> {
  const q = new URLSearchParams(window.location.search);
  const [data, view] = (await Promise.all(
    [q.get('data'), q.get('view')].map(async (u) => (await fetch(u ?? '')).json()),
  )) as [Dataset, View];
  createRoot(document.getElementById('root') as HTMLElement).render(
    <Page data={data} view={view} />,
  );
}

void main();
