// @vitest-environment jsdom
// The on-screen legend: open on a tall window, folded on a short one (where it would cover the graph), toggled by its summary.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Legend, LEGEND_OPEN_MIN_HEIGHT } from '../../src/ui/Legend';
import { isoToDay, type Dataset } from '../../src/model';
import { createViewStore } from '../../src/store/store';
import { StoreProvider } from '../../src/ui/StoreContext';
import { render } from '@testing-library/react';
import { bundled, renderWithStore } from './helpers';

/** The bundled dataset with 40 more relation types in families of 12, 12 and 8 (8 without a family). */
function manyTypes(): Dataset {
  const d = bundled();
  const extra = Array.from({ length: 40 }, (_, k) => ({
    id: `t${k}`,
    label: `Code ${k}`,
    directed: true,
    kind: 'event' as const,
    ...(k < 32
      ? { family: k < 12 ? 'Verbal cooperation' : k < 24 ? 'Material conflict' : 'Verbal conflict' }
      : {}),
  }));
  const r0 = d.relations[0]!;
  return {
    ...d,
    relationTypes: [...d.relationTypes, ...extra],
    relations: [...d.relations, ...extra.map((t, k) => ({ ...r0, id: `x${k}`, type: t.id }))],
  } as Dataset;
}

const initialHeight = window.innerHeight;
const setHeight = (h: number) =>
  Object.defineProperty(window, 'innerHeight', { value: h, configurable: true });

describe('Legend', () => {
  afterEach(() => setHeight(initialHeight));

  it('starts open on a tall window, with the relation types of the dataset', () => {
    setHeight(LEGEND_OPEN_MIN_HEIGHT + 100);
    const { container } = renderWithStore(<Legend />);
    expect(container.querySelector('details')?.open).toBe(true);
    expect(screen.getByRole('region', { name: 'Legend' }).textContent).toContain('Allegiance');
  });

  it('starts folded on a short window, and its summary opens it', async () => {
    setHeight(900);
    const user = userEvent.setup();
    const { container } = renderWithStore(<Legend />);
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    await user.click(screen.getByText('Legend'));
    expect(details.open).toBe(true);
    // Open, it is docked beside the graph (its own column), not laid over it.
    expect(screen.getByRole('region', { name: 'Legend' }).className).toContain('docked');
  });

  it('groups a long type list by family, each group with its count, each section folding apart', async () => {
    setHeight(LEGEND_OPEN_MIN_HEIGHT + 100);
    const store = createViewStore();
    store
      .getState()
      .loadDataset(manyTypes(), 'many', { time: isoToDay('2014-11-03') as number, actor: null });
    const user = userEvent.setup();
    render(
      <StoreProvider store={store}>
        <Legend />
      </StoreProvider>,
    );
    const legend = screen.getByRole('region', { name: 'Legend' });
    expect(legend.textContent).toContain('Verbal cooperation (12)');
    expect(legend.textContent).toContain('Material conflict (12)');
    expect(legend.textContent).toContain('Verbal conflict (8)');
    expect(legend.textContent).toMatch(/Other types \(\d+\)/);
    // Groups fold: with more than three, each starts folded and opens on its own.
    const family = screen.getByText('Verbal cooperation (12)').closest('details')!;
    expect(family.open).toBe(false);
    await user.click(screen.getByText('Verbal cooperation (12)'));
    expect(family.open).toBe(true);
    const actors = screen.getByText('Actors').closest('details')!;
    expect(actors.open).toBe(true);
    await user.click(screen.getByText('Actors'));
    expect(actors.open).toBe(false);
  });
});
