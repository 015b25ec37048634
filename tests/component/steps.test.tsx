// @vitest-environment jsdom
// A dataset on a step scale (GEXF integer time) reads as steps in the time bar, its keys and the ties panel.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBuffer } from '../../src/io/import';
import { createViewStore } from '../../src/store/store';
import { StoreProvider } from '../../src/ui/StoreContext';
import { TiesPanel } from '../../src/ui/TiesPanel';
import { TimeBar } from '../../src/ui/TimeBar';

function stepsStore() {
  const r = importBuffer('integer-steps.gexf', readFileSync('tests/fixtures/integer-steps.gexf'));
  if (!r.ok) throw new Error('import failed');
  const store = createViewStore();
  store.getState().loadDataset(r.dataset, 'integer-steps.gexf', { time: 8, actor: '1' });
  return store;
}

describe('a dataset of integer steps', () => {
  it('shows "step 8" in the time bar and moves one step per arrow key', async () => {
    const store = stepsStore();
    render(
      <StoreProvider store={store}>
        <TimeBar />
      </StoreProvider>,
    );
    expect(screen.getByText('step 8')).toBeInTheDocument();
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    expect(slider.getAttribute('aria-valuetext')).toBe('step 8');
    slider.focus();
    await userEvent.setup().keyboard('{ArrowRight}');
    expect(store.getState().time).toBe(9);
    expect(screen.getByText('step 9')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/January|1970/);
  });

  it('writes the ties’ dates as steps in the ties panel', () => {
    const store = stepsStore();
    render(
      <StoreProvider store={store}>
        <TiesPanel />
      </StoreProvider>,
    );
    expect(screen.getAllByText(/from step 8 to step 12/).length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(/January|1970/);
  });
});
