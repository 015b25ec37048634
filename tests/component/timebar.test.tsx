// @vitest-environment jsdom
// The time bar: the slider contract (role, name, valuetext, keys), event buttons, play, modes, histogram.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { dayToIso, isoToDay } from '../../src/model';
import { TimeBar } from '../../src/ui/TimeBar';
import { renderWithStore } from './helpers';

describe('TimeBar', () => {
  it('is a slider named Timeline whose valuetext holds the date as YYYY-MM-DD, with the date written large', () => {
    renderWithStore(<TimeBar />, '2014-11-03');
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    expect(slider.getAttribute('aria-valuetext')).toContain('2014-11-03');
    expect(screen.getByText('3 November 2014')).toBeInTheDocument();
  });

  it('moves a day with the arrows, a month with PageUp/PageDown, to the ends with Home/End', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<TimeBar />, '2014-11-03');
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    slider.focus();
    await user.keyboard('{ArrowRight}');
    expect(dayToIso(store.getState().time)).toBe('2014-11-04');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(dayToIso(store.getState().time)).toBe('2014-11-02');
    await user.keyboard('{PageUp}');
    expect(dayToIso(store.getState().time)).toBe('2014-12-02');
    await user.keyboard('{PageDown}{PageDown}');
    expect(dayToIso(store.getState().time)).toBe('2014-10-02');
    await user.keyboard('{End}');
    const last = store.getState().time;
    expect(slider.getAttribute('aria-valuetext')).toContain(dayToIso(last));
    await user.keyboard('{Home}');
    expect(store.getState().time).toBeLessThan(last);
    await user.keyboard('{ArrowLeft}');
    expect(slider.getAttribute('aria-valuetext')).toContain(dayToIso(store.getState().time));
  });

  it('jumps to the previous and next event', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<TimeBar />, '2014-11-01');
    await user.click(screen.getByRole('button', { name: 'Next event' }));
    expect(dayToIso(store.getState().time)).toBe('2014-11-02');
    await user.click(screen.getByRole('button', { name: 'Previous event' }));
    expect(store.getState().time).toBeLessThan(isoToDay('2014-11-02')!);
  });

  it('plays and pauses, stepping by the chosen speed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const { store } = renderWithStore(<TimeBar />, '2014-11-03');
      await user.selectOptions(screen.getByRole('combobox', { name: /Speed/ }), 'month');
      await user.click(screen.getByRole('button', { name: 'Play' }));
      expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
      await act(async () => {
        vi.advanceTimersByTime(850);
      });
      expect(dayToIso(store.getState().time)).toBe('2015-01-03');
      await user.click(screen.getByRole('button', { name: 'Pause' }));
      const t = store.getState().time;
      await act(async () => {
        vi.advanceTimersByTime(2000);
      });
      expect(store.getState().time).toBe(t);
    } finally {
      vi.useRealTimers();
    }
  });

  it('switches to a range with a second handle, and to the cumulative view', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<TimeBar />, '2014-11-03');
    await user.click(screen.getByRole('radio', { name: 'Range' }));
    expect(store.getState().mode).toBe('range');
    expect(screen.getByRole('slider', { name: 'Range start' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Cumulative' }));
    expect(screen.queryByRole('slider', { name: 'Range start' })).toBeNull();
    expect(screen.getByText('Up to 3 November 2014')).toBeInTheDocument();
  });

  it('draws a histogram bar per month; clicking one jumps there', async () => {
    const user = userEvent.setup();
    const { store, container } = renderWithStore(<TimeBar />, '2014-11-03');
    const bars = container.querySelectorAll('.histogram .bar');
    expect(bars.length).toBeGreaterThan(12);
    const nov = [...bars].find((b) =>
      b.querySelector('title')?.textContent?.startsWith('November 2014'),
    );
    expect(nov?.querySelector('title')?.textContent).toMatch(/November 2014: \d+ relation/);
    const sep = [...bars].find((b) =>
      b.querySelector('title')?.textContent?.startsWith('September 2014'),
    )!;
    const cursor = () => Number(container.querySelector('.histogram line')?.getAttribute('x1'));
    const before = cursor();
    await user.click(sep.querySelector('rect')!);
    expect(dayToIso(store.getState().time)).toBe('2014-09-01');
    // The bars are built once per dataset; the cursor follows the date.
    expect(cursor()).toBeLessThan(before);
    expect(container.querySelectorAll('.histogram .bar')).toHaveLength(bars.length);
  });

  it('adjusts the event window', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<TimeBar />);
    const input = screen.getByRole('spinbutton', { name: /Event window/ });
    await user.clear(input);
    await user.type(input, '7');
    expect(store.getState().eventWindow).toBe(7);
  });
});
