// Component-test helpers: a fresh store with the bundled dataset, rendered inside its provider.
import { render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import type { ReactElement } from 'react';
import { readDatasetText } from '../../src/io/validate';
import { isoToDay, type Dataset } from '../../src/model';
import { createViewStore } from '../../src/store/store';
import { StoreProvider } from '../../src/ui/StoreContext';

/** The bundled dataset, validated. */
export function bundled(): Dataset {
  const r = readDatasetText(readFileSync('data/tieline.json', 'utf8'));
  if (!r.ok) throw new Error('bundled dataset invalid');
  return r.dataset;
}

/** Renders `ui` with a fresh store holding the bundled dataset at `iso`. */
export function renderWithStore(ui: ReactElement, iso = '2014-11-03', actor: string | null = null) {
  const store = createViewStore();
  store.getState().loadDataset(bundled(), 'bundled', { time: isoToDay(iso) as number, actor });
  const view = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { store, ...view };
}
