// @vitest-environment jsdom
// Issue 18 row 13 and the scale limits: long lists are capped with "+N more" and searchable, so many
// actors or relation types never build hundreds of thousands of DOM nodes.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/model';
import { createViewStore } from '../../../src/store/store';
import { ActorList } from '../../../src/ui/ActorList';
import { Legend } from '../../../src/ui/Legend';
import { LensPanel } from '../../../src/ui/LensPanel';
import { StoreProvider } from '../../../src/ui/StoreContext';
import { datasetOf } from '../../fixtures/dataset';
import { tinyData } from './helpers';

/** The tiny dataset with `actors` actors and `types` relation types (one relation of each type). */
function wide(actors: number, types: number): Dataset {
  const base = tinyData();
  return datasetOf({
    ...base,
    actors: Array.from({ length: actors }, (_, i) => ({
      id: `a${i}`,
      name: `Actor ${String(i).padStart(5, '0')}`,
      aliases: [],
      kind: 'group',
    })),
    relationTypes: Array.from({ length: types }, (_, i) => ({
      id: `t${i}`,
      label: `Type ${i}`,
      directed: true,
      kind: 'event',
    })),
    relations: Array.from({ length: types }, (_, i) => ({
      ...base.relations[0]!,
      id: `r${i}`,
      type: `t${i}`,
      source: 'a0',
      target: `a${1 + (i % (actors - 1))}`,
    })),
  });
}

function show(d: Dataset, ui: React.ReactElement) {
  const store = createViewStore();
  store.getState().loadDataset(d, 'wide');
  return render(<StoreProvider store={store}>{ui}</StoreProvider>);
}

describe('issue 18: long lists capped and searchable', () => {
  it('the actor list of 2,500 actors renders only a window of rows, spans them all, and search finds any', async () => {
    // Plain DOM queries here: role queries over thousands of rows are slow in jsdom.
    const { container } = show(wide(2_500, 3), <ActorList />);
    const list = await screen.findByRole('list', { name: '2500 actors' });
    const rows = () => [...container.querySelectorAll('.actor-list button')];
    // jsdom lays nothing out: the first window only, with the rest stood in for by padding.
    expect(rows().length).toBe(60);
    expect(list.style.paddingBottom).toBe(`${(2_500 - 60) * 24 + 8}px`);
    expect(list.querySelector('li')?.getAttribute('aria-setsize')).toBe('2500');
    const search = container.querySelector<HTMLInputElement>('input[type="search"]')!;
    fireEvent.change(search, { target: { value: '02499' } });
    await waitFor(() => expect(rows().map((r) => r.textContent)).toEqual(['Actor 02499']));
  });

  it('the legend lists 40 of 300 relation types and counts the rest', () => {
    show(wide(10, 300), <Legend />);
    const legend = screen.getByRole('region', { name: 'Legend' });
    expect(
      within(legend).getByText('+260 more types (find them under Filters)'),
    ).toBeInTheDocument();
    expect(within(legend).queryByText('Type 40')).toBeNull();
  });

  it('the Filters tab lists 100 of 300 types, with a search that finds any of them', async () => {
    show(wide(10, 300), <LensPanel />);
    expect(screen.getByText('+200 more; type in the search box to find them.')).toBeInTheDocument();
    expect(screen.queryByText('Type 250')).toBeNull();
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Find relation types' }),
      'Type 250',
    );
    expect(screen.getByText('Type 250')).toBeVisible();
  });
});
