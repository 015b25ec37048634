// @vitest-environment jsdom
// The vocabulary step: accepting untouched gives the suggestion; edits reach the dataset; hundreds of types are grouped.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { withSuggestedVocabulary } from '../../src/io/import/vocabulary';
import type { Dataset } from '../../src/model';
import { VocabularyStep } from '../../src/ui/VocabularyStep';
import { datasetOfRelations } from '../fixtures/dataset';

function dataset(labels: readonly string[]): Dataset {
  return datasetOfRelations(
    labels.map((_, i) => ({ id: `r${i}`, type: `t${i}`, source: 'a', target: 'b', start: '2000' })),
    labels.map((label, i) => ({ id: `t${i}`, label, directed: true, kind: 'event' })),
  );
}

describe('VocabularyStep', () => {
  it('accepted untouched, gives exactly the suggested vocabulary', async () => {
    const d = dataset(['allied_with', 'ATTACK', 'met']);
    const onAccept = vi.fn();
    render(<VocabularyStep dataset={d} onAccept={onAccept} />);
    expect(screen.getByRole('textbox', { name: 'Label of t0' })).toHaveValue('Allied with');
    expect(screen.getByRole('combobox', { name: 'Sign of Attack' })).toHaveValue('hostile');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Import' }));
    expect(onAccept).toHaveBeenCalledWith(withSuggestedVocabulary(d));
  });

  it('passes the user’s edits on, and the colour follows the sign', async () => {
    const user = userEvent.setup();
    const onAccept = vi.fn();
    render(<VocabularyStep dataset={dataset(['met'])} onAccept={onAccept} />);
    const swatch = screen.getByLabelText('Colour of Met');
    const grey = (swatch as HTMLInputElement).value;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sign of Met' }), 'hostile');
    expect((swatch as HTMLInputElement).value).not.toBe(grey);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Kind of Met' }),
      'state:until-superseded',
    );
    await user.type(screen.getByRole('textbox', { name: 'Family of Met' }), 'contact');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const out = onAccept.mock.calls[0]![0] as Dataset;
    expect(out.relationTypes[0]).toMatchObject({
      sign: 'hostile',
      kind: 'state',
      lasts: 'until-superseded',
      family: 'contact',
    });
  });

  it('shows hundreds of types as a few groups, not hundreds of rows', () => {
    const labels = Array.from({ length: 300 }, (_, i) => (i % 2 ? `attack ${i}` : `code ${i}`));
    render(<VocabularyStep dataset={dataset(labels)} onAccept={() => undefined} />);
    expect(screen.queryByRole('table')).toBeNull();
    const groups = screen.getByRole('list', { name: 'Relation types by group' });
    expect(groups.querySelectorAll('li')).toHaveLength(2);
    expect(groups).toHaveTextContent('Hostile: 150 types');
  });
});
