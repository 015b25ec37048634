// @vitest-environment jsdom
// Issue 18 row 1's trap: a saved dataset that crashes a view must not hold the user on every reload;
// the error boundary offers to remove it and open the bundled dataset.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

const library = vi.hoisted(() => ({ deleteDataset: vi.fn(async () => {}) }));
vi.mock('../../../src/io/library', () => library);
const { ErrorBoundary } = await import('../../../src/ui/ErrorBoundary');

function Crash(): never {
  throw new Error('Maximum call stack size exceeded');
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('issue 18: the error boundary does not trap the user in a saved dataset', () => {
  it('offers to remove the saved dataset the address names, and removes it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    window.history.replaceState(null, '', '/?ds=crashy1&t=2014-01-01');
    render(
      <ErrorBoundary>
        <Crash />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Maximum call stack size exceeded');
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove this saved dataset and open the bundled one' }),
    );
    await vi.waitFor(() => expect(library.deleteDataset).toHaveBeenCalledWith('crashy1'));
  });

  it('offers no removal when the address names no saved dataset', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <ErrorBoundary>
        <Crash />
      </ErrorBoundary>,
    );
    expect(screen.queryByRole('button', { name: /Remove this saved dataset/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Reload the bundled dataset' })).toBeVisible();
  });
});
