// The vocabulary step of an import: each relation type's label, kind, sign, family and colour, suggestion pre-filled.
import { useMemo, useState } from 'react';
import { typeColors } from '../graph/palette';
import {
  applyVocabulary,
  groupVocabulary,
  setGroupSign,
  suggestVocabulary,
  type Sign,
  type VocabularyEntry,
} from '../io/import/vocabulary';
import type { Dataset } from '../model';

/** Up to this many types get a row each; beyond, the step shows groups (by sign and family). */
export const ROWS_MAX = 24;

const SIGNS: readonly { value: Sign; label: string }[] = [
  { value: 'cooperative', label: 'Cooperative' },
  { value: 'hostile', label: 'Hostile' },
  { value: 'neutral', label: 'Neutral' },
];

/** The kind select's three choices: an event, or a state that lasts as dated or until superseded. */
const KINDS = [
  { value: 'event', label: 'Event (on its date)' },
  { value: 'state:as-dated', label: 'State, as dated' },
  { value: 'state:until-superseded', label: 'State, until superseded' },
] as const;

function kindValue(e: VocabularyEntry): string {
  return e.kind === 'event' ? 'event' : `state:${e.lasts}`;
}

function withKind(e: VocabularyEntry, value: string): VocabularyEntry {
  if (value === 'event') return { ...e, kind: 'event' };
  return {
    ...e,
    kind: 'state',
    lasts: value === 'state:until-superseded' ? 'until-superseded' : 'as-dated',
  };
}

/** One type's row: its code, label, kind, sign, family and colour. */
function TypeRow({
  entry,
  color,
  onChange,
}: {
  entry: VocabularyEntry;
  color: string;
  onChange: (e: VocabularyEntry) => void;
}) {
  const name = entry.label || entry.raw;
  return (
    <tr>
      <td>
        <code>{entry.id}</code> <span className="hint">({entry.count})</span>
      </td>
      <td>
        <input
          aria-label={`Label of ${entry.id}`}
          value={entry.label}
          onChange={(ev) => onChange({ ...entry, label: ev.target.value })}
        />
      </td>
      <td>
        <select
          aria-label={`Kind of ${name}`}
          value={kindValue(entry)}
          onChange={(ev) => onChange(withKind(entry, ev.target.value))}
        >
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`Sign of ${name}`}
          value={entry.sign}
          onChange={(ev) => onChange({ ...entry, sign: ev.target.value as Sign })}
        >
          {SIGNS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`Family of ${name}`}
          value={entry.family}
          placeholder="(none)"
          size={10}
          onChange={(ev) => onChange({ ...entry, family: ev.target.value })}
        />
      </td>
      <td>
        <input
          type="color"
          aria-label={`Colour of ${name}`}
          value={color}
          onChange={(ev) => onChange({ ...entry, color: ev.target.value })}
        />
      </td>
    </tr>
  );
}

/** Many types: one row per group (sign and family), with its size, a few examples and one sign control. */
function GroupSummary({
  entries,
  onChange,
}: {
  entries: readonly VocabularyEntry[];
  onChange: (next: VocabularyEntry[]) => void;
}) {
  const groups = groupVocabulary(entries);
  return (
    <ul className="vocabulary-groups" aria-label="Relation types by group">
      {groups.map((g) => {
        const title = `${SIGNS.find((s) => s.value === g.sign)?.label}${g.family ? ` · ${g.family}` : ''}`;
        return (
          <li key={`${g.sign}:${g.family}`}>
            <strong>{title}</strong>: {g.types.length} types, {g.relations} relations (e.g.{' '}
            {g.types
              .slice(0, 4)
              .map((t) => t.label)
              .join(', ')}
            ){' '}
            <select
              aria-label={`Sign of the group ${title}`}
              value={g.sign}
              onChange={(ev) => onChange(setGroupSign(entries, g, ev.target.value as Sign))}
            >
              {SIGNS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </li>
        );
      })}
    </ul>
  );
}

/** True when a dataset has types worth asking about: not only the default "Tie" of an untyped file. */
export function hasVocabulary(dataset: Dataset): boolean {
  const t = dataset.relationTypes;
  return !(t.length === 0 || (t.length === 1 && t[0]?.id === 'tie' && t[0].label === 'Tie'));
}

/**
 * The vocabulary step: shows the imported dataset's relation types with the suggestion filled in
 * (readable labels, kind, sign guessed from the words, family, colour by sign) and hands the edited
 * vocabulary back. Accepting it untouched gives the dataset exactly as the importer suggested.
 */
export function VocabularyStep({
  dataset,
  onAccept,
}: {
  dataset: Dataset;
  onAccept: (dataset: Dataset) => void;
}) {
  const [entries, setEntries] = useState<VocabularyEntry[]>(() => suggestVocabulary(dataset));
  const colors = useMemo(
    () => typeColors(applyVocabulary(dataset, entries).relationTypes),
    [dataset, entries],
  );
  const many = entries.length > ROWS_MAX;
  const update = (e: VocabularyEntry): void =>
    setEntries((list) => list.map((x) => (x.id === e.id ? e : x)));
  return (
    <div className="vocabulary">
      <p>
        {entries.length} relation {entries.length === 1 ? 'type' : 'types'}. Check how each reads
        (the suggestion is filled in), then import.
      </p>
      {many ? (
        <GroupSummary entries={entries} onChange={setEntries} />
      ) : (
        <table className="vocabulary-table" aria-label="Relation types">
          <thead>
            <tr>
              <th>Type (uses)</th>
              <th>Label</th>
              <th>Kind</th>
              <th>Sign</th>
              <th>Family</th>
              <th>Colour</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <TypeRow
                key={e.id}
                entry={e}
                color={colors.get(e.id) ?? '#888888'}
                onChange={update}
              />
            ))}
          </tbody>
        </table>
      )}
      <div className="modal-actions">
        <button
          type="button"
          className="primary"
          onClick={() => onAccept(applyVocabulary(dataset, entries))}
        >
          Import
        </button>
      </div>
    </div>
  );
}
