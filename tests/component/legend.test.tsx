// @vitest-environment jsdom
// The on-screen legend: open on a tall window, folded on a short one (where it would cover the graph), toggled by its summary.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Legend, LEGEND_OPEN_MIN_HEIGHT } from '../../src/ui/Legend';
import { renderWithStore } from './helpers';

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
  });
});
