// @vitest-environment jsdom
// The actor list and the ties panel: selection by button and search, ties at the date and over time, with sources.
// The panel's ties load lazily on the first selection, hence findByRole.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActorList } from '../../src/ui/ActorList';
import { TiesPanel } from '../../src/ui/TiesPanel';
import { isoToDay } from '../../src/model';
import { bundled, renderWithStore } from './helpers';

describe('ActorList', () => {
  it('has one button per actor, named by its name, and selects on activation', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ActorList />);
    const d = bundled();
    for (const a of d.actors)
      expect(screen.getByRole('button', { name: a.name })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Harakat Hazm' }));
    expect(store.getState().selected).toBe('hazm');
  });

  it('finds actors by alias, and Enter selects the first match', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ActorList />);
    await user.type(screen.getByRole('searchbox', { name: 'Find an actor' }), 'ISIL{Enter}');
    expect(screen.getByRole('button', { name: 'Islamic State' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Harakat Hazm' })).toBeNull();
    expect(store.getState().selected).toBe('is');
  });
});

describe('TiesPanel', () => {
  it('lists the ties at the date and the history, with status and each source with its locator', async () => {
    renderWithStore(<TiesPanel />, '2014-11-03', 'hazm');
    const region = await screen.findByRole('region', { name: 'Ties of Harakat Hazm' });
    const text = region.textContent ?? '';
    expect(text).toMatch(/In view on 3 November 2014/);
    expect(text).toMatch(/Attack\s*from\s*Jabhat al-Nusra/);
    expect(text).toMatch(/Defection\s*to\s*Jabhat al-Nusra/);
    expect(text).toContain('2 November 2014');
    expect(text).toMatch(/Asserts: .*Orton|Asserts: A Word of Caution/);
    expect(text).toMatch(/paragraph \d+/);
    expect(within(region).getAllByText('reported').length).toBeGreaterThan(0);
  });

  it('shows a disputed tie with both sides cited', async () => {
    renderWithStore(<TiesPanel />, '2014-11-03', 'is');
    const region = await screen.findByRole('region', { name: 'Ties of Islamic State' });
    const truce = within(region)
      .getAllByRole('listitem')
      .find(
        (li) =>
          li.classList.contains('tie') &&
          /Truce/.test(li.textContent ?? '') &&
          /about November 2014/.test(li.textContent ?? ''),
      );
    expect(truce).toBeDefined();
    expect(within(truce!).getByText('disputed')).toBeInTheDocument();
    expect(truce!.textContent).toMatch(/Disputes/);
    expect(truce!.textContent).toMatch(/Asserts/);
  });

  it('says who said it first: two relays of one AP account are one original', async () => {
    renderWithStore(<TiesPanel />, '2014-11-03', 'khorasan');
    const region = await screen.findByRole('region', { name: 'Ties of Khorasan Group' });
    const meeting = within(region)
      .getAllByRole('listitem')
      .find((li) => li.classList.contains('tie') && /Negotiation/.test(li.textContent ?? ''));
    expect(meeting!.textContent).toContain('2 reports, 1 original (Associated Press)');
    expect(within(meeting!).getByText('reported')).toBeInTheDocument();
    expect(meeting!.textContent).toMatch(/via Associated Press/);
  });

  it('lists each source’s date where they differ, and shows qualifying claims as such', async () => {
    const { store } = renderWithStore(<TiesPanel />, '2014-11-03', 'aq');
    const region = await screen.findByRole('region', { name: 'Ties of al-Qaeda' });
    const split = within(region)
      .getAllByRole('listitem')
      .find((li) => li.classList.contains('tie') && /^Split/.test(li.textContent ?? ''));
    expect(split!.textContent).toContain('2012; April 2013; 2014 (the sources differ)');
    expect(split!.textContent).toContain('dates it 2012');
    expect(split!.textContent).toContain('dates it April 2013');
    const overtures = within(region)
      .getAllByRole('listitem')
      .find((li) => li.classList.contains('tie') && /reconciliation/.test(li.textContent ?? ''));
    expect(overtures!.textContent).toMatch(/Qualifies: A Word of Caution/);
    expect(overtures!.textContent).toMatch(/qualified by 2 sources/);
    // As known on 15 November 2014: Orton's April 2013 and VICE's undated account, which takes the
    // relation's own 2014 (IS was not yet a state); Digital Journal's 2012 is not out yet.
    act(() => store.getState().setKnownOn(isoToDay('2014-11-15')!));
    const known = within(screen.getByRole('region', { name: 'Ties of al-Qaeda' }))
      .getAllByRole('listitem')
      .find((li) => li.classList.contains('tie') && /^Split/.test(li.textContent ?? ''));
    expect(known!.querySelector('.tie-dates')!.textContent).toBe(
      'April 2013; 2014 (the sources differ)',
    );
  });

  it('selects the counterpart when its name is activated', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<TiesPanel />, '2014-11-03', 'hazm');
    const region = await screen.findByRole('region', { name: 'Ties of Harakat Hazm' });
    await user.click(within(region).getAllByRole('button', { name: 'Jabhat al-Nusra' })[0]!);
    expect(store.getState().selected).toBe('nusra');
    expect(
      await screen.findByRole('region', { name: 'Ties of Jabhat al-Nusra' }),
    ).toBeInTheDocument();
  });

  it('renders markup in labels as text', async () => {
    const { store } = renderWithStore(<TiesPanel />);
    const d = bundled();
    const evil = {
      ...d,
      actors: d.actors.map((a) =>
        a.id === 'hazm' ? { ...a, name: '<img src=x onerror=alert(1)>' } : a,
      ),
    };
    store.getState().loadDataset(evil, 'evil', { actor: 'hazm' });
    const region = await screen.findByRole('region', {
      name: 'Ties of <img src=x onerror=alert(1)>',
    });
    expect(region.querySelector('img')).toBeNull();
  });
});
