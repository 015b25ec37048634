// Known table formats through the real import dialog, pressing only its default button: the first guess is right.
import { readFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures';
import { confirmImport, dropFile } from './import-dialog';

const CASES = [
  {
    file: 'mmp-relations.csv',
    known: 'Mapping Militant Organizations relationships',
    status: /Loaded .*: 36 actors, 60 relations, 2003-01-01 to 2018-12-31/,
    actors: ['Kata’ib Hezbollah', 'Islamic State'],
    types: ['Alliance', 'Rivalry', 'Split'],
  },
  {
    file: 'ucdp-yearly.csv',
    known: 'Yearly dyad table',
    status: /Loaded .*: 12 actors, 9 relations, 1990-01-01 to 2019-12-31/,
    actors: ['Armenia', 'Azerbaijan'],
    types: ['Rivalry', 'Conflict'],
  },
  {
    file: 'acled-nigeria.csv',
    known: 'ACLED export',
    status: /Loaded .*: 10 actors, 40 relations, 2023-01-01 to 2023-03-31/,
    actors: ['Civilians (Nigeria)', 'CJTF: Civilian Joint Task Force'],
    types: ['Armed clash', 'Peaceful protest'],
  },
  {
    file: '20150402153000.export.CSV',
    known: 'GDELT 2.0 events',
    status: /Loaded .*: 7 actors, 30 relations, 2015-04-01 to 2015-04-09/,
    actors: ['UNITED STATES', 'RUSSIA'],
    types: ['Visits', 'Threatens military force'],
  },
  {
    file: 'icews-2014.tab',
    known: 'ICEWS events',
    status: /Loaded .*: 6 actors, 25 relations, 2014-03-01 to 2014-03-20/,
    actors: ['Vladimir Putin', 'Police (Ukraine)'],
    types: ['Arrests or detains', 'Visits'],
  },
];

for (const c of CASES) {
  test(`${c.file}: imported with the dialog untouched, names and type labels read right`, async ({
    page,
  }) => {
    await openApp(page);
    await dropFile(page, c.file, readFileSync(`tests/fixtures/formats/${c.file}`), 'text/csv');
    const dialog = page.getByRole('dialog', { name: `Import ${c.file}` });
    await expect(dialog).toContainText(c.known);
    await expect(dialog.getByRole('list', { name: 'This may be wrong' })).toHaveCount(0);
    await confirmImport(dialog);
    await expect(page.getByRole('status')).toContainText(c.status);
    await page.waitForFunction(() => window.__tieline?.ready === true);
    const actors = page.getByRole('navigation', { name: 'Actors' });
    for (const a of c.actors) await expect(actors).toContainText(a);
    const legend = page.getByRole('region', { name: 'Legend' });
    for (const t of c.types) await expect(legend).toContainText(t);
  });
}

test('a generic table: the dialog says why it chose the columns and flags what looks wrong', async ({
  page,
}) => {
  await openApp(page);
  const rows = Array.from(
    { length: 30 },
    (_, k) =>
      `${k},G${k % 5},G${(k + 1) % 5},Group ${k % 5},Group ${(k + 1) % 5},${2000 + (k % 9)}`,
  );
  const text = ['uid,grp1_id,grp2_id,grp1_name,grp2_name,year', ...rows].join('\n');
  await dropFile(page, 'groups.csv', Buffer.from(text), 'text/csv');
  const dialog = page.getByRole('dialog', { name: 'Import groups.csv' });
  await expect(dialog.getByRole('list', { name: 'Why these columns' })).toContainText(
    'grp1_id / grp2_id: a pair; names from grp1_name / grp2_name',
  );
  // Choosing the unique column as the source is flagged at once.
  await dialog.getByRole('combobox', { name: 'Source (from)' }).selectOption('0');
  await expect(dialog.getByRole('list', { name: 'This may be wrong' })).toContainText(
    'as many actors as rows',
  );
});
