// Table formats Tieline recognises by their columns (MMP, UCDP, ACLED, GDELT 1.0/2.0, ICEWS): mapping and vocabulary.
import { cameoCode, cameoLabel, cameoRoot, cameoSign } from './cameo';
import { normName } from './infer';
import type { Table } from './table';
import type { CsvMapping, KnownFormatId, TypeInfo } from './types';

const GEO = (who: string, adm2: boolean): string[] => [
  `${who}Geo_Type`,
  `${who}Geo_FullName`,
  `${who}Geo_CountryCode`,
  `${who}Geo_ADM1Code`,
  ...(adm2 ? [`${who}Geo_ADM2Code`] : []),
  `${who}Geo_Lat`,
  `${who}Geo_Long`,
  `${who}Geo_FeatureID`,
];
const ACTOR = (n: 1 | 2): string[] =>
  [
    'Code',
    'Name',
    'CountryCode',
    'KnownGroupCode',
    'EthnicCode',
    'Religion1Code',
    'Religion2Code',
    'Type1Code',
    'Type2Code',
    'Type3Code',
  ].map((f) => `Actor${n}${f}`);
const EVENT = [
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
];
const HEAD = ['GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate'];

/** GDELT 1.0 event fields: 57 through DATEADDED (files to March 2013), 58 with SOURCEURL (daily files since). */
export const GDELT1_FIELDS: readonly string[] = [
  ...HEAD,
  ...ACTOR(1),
  ...ACTOR(2),
  ...EVENT,
  ...GEO('Actor1', false),
  ...GEO('Actor2', false),
  ...GEO('Action', false),
  'DATEADDED',
  'SOURCEURL',
];
/** GDELT 2.0 event fields (61): each place gains an ADM2 code; DATEADDED is a 15-minute timestamp. */
export const GDELT2_FIELDS: readonly string[] = [
  ...HEAD,
  ...ACTOR(1),
  ...ACTOR(2),
  ...EVENT,
  ...GEO('Actor1', true),
  ...GEO('Actor2', true),
  ...GEO('Action', true),
  'DATEADDED',
  'SOURCEURL',
];

/** A format recognised: its id, a name for people, column names (headerless files) and the mapping. */
export interface KnownFormat {
  readonly id: KnownFormatId;
  readonly label: string;
  /** Column names to use when the file has no header row (GDELT). */
  readonly names?: readonly string[];
  readonly mapping: Partial<CsvMapping>;
}

const MMP_TYPES: Record<string, TypeInfo> = {
  all: { label: 'Alliance', kind: 'state', sign: 'cooperative' },
  riv: { label: 'Rivalry', kind: 'state', sign: 'hostile' },
  aff: { label: 'Affiliation', kind: 'state', sign: 'cooperative' },
  spl: { label: 'Split', kind: 'event', sign: 'hostile' },
  mer: { label: 'Merger', kind: 'event', sign: 'cooperative' },
};
const MMP_WORDS: Record<string, string> = {
  alliance: 'all',
  allies: 'all',
  rivalry: 'riv',
  rivals: 'riv',
  affiliation: 'aff',
  affiliates: 'aff',
  split: 'spl',
  splinter: 'spl',
  merger: 'mer',
  merge: 'mer',
};

const UCDP_TYPES: Record<string, string> = {
  '1': 'Extrasystemic conflict',
  '2': 'Interstate conflict',
  '3': 'Internal conflict',
  '4': 'Internationalised internal conflict',
};

const ACLED_SIGN: Record<string, TypeInfo['sign']> = {
  battles: 'hostile',
  'explosions/remote violence': 'hostile',
  'violence against civilians': 'hostile',
  riots: 'hostile',
  protests: 'neutral',
  'strategic developments': 'neutral',
};

/** A lower-case code-like value as a label: "rivalry" → "Rivalry". */
function readable(raw: string): string {
  const t = raw.trim();
  return t === t.toLowerCase() ? t.charAt(0).toUpperCase() + t.slice(1) : t;
}

/** The type a known format gives a raw value: readable label, kind, sign, family and how a state lasts. */
export function knownType(
  known: KnownFormatId,
  raw: string,
  family: string | undefined,
): TypeInfo | undefined {
  switch (known) {
    case 'mmp': {
      const key = raw.trim().toLowerCase();
      const t = MMP_TYPES[key] ?? MMP_TYPES[MMP_WORDS[key] ?? ''];
      if (!t) return undefined;
      return t.kind === 'state'
        ? { ...t, family: 'relationship', lasts: 'until-superseded' }
        : { ...t, family: 'relationship' };
    }
    case 'ucdp': {
      const label = UCDP_TYPES[raw.trim()];
      return label
        ? { label, kind: 'state', sign: 'hostile', lasts: 'as-dated' }
        : { label: readable(raw), kind: 'state', lasts: 'as-dated' };
    }
    case 'acled': {
      if (raw === 'Acted with') return { label: raw, kind: 'event', sign: 'cooperative' };
      const sign = /agreement/i.test(raw)
        ? 'cooperative'
        : (ACLED_SIGN[(family ?? '').toLowerCase()] ?? 'neutral');
      return { label: raw, kind: 'event', sign, ...(family ? { family } : {}) };
    }
    default: {
      const label = cameoLabel(raw);
      const root = cameoRoot(raw);
      const sign = cameoSign(raw);
      return {
        label: label ?? `CAMEO ${cameoCode(raw)}`,
        kind: 'event',
        ...(sign ? { sign } : {}),
        ...(root ? { family: root.label } : {}),
      };
    }
  }
}

/** The type value as a known format keeps it (CAMEO codes keep their leading zeros). */
export function knownTypeKey(known: KnownFormatId | undefined, raw: string): string {
  return known === 'gdelt1' || known === 'gdelt2' || known === 'icews' ? cameoCode(raw) : raw;
}

function indexer(table: Table): (name: string) => number | undefined {
  const at = new Map(table.names.map((n, i) => [normName(n), i]));
  return (name) => at.get(normName(name));
}

/** Picks the named columns that exist into a mapping. */
function pick(
  col: (name: string) => number | undefined,
  roles: Record<string, string>,
): Partial<CsvMapping> {
  const m: Record<string, number> = {};
  for (const [role, name] of Object.entries(roles)) {
    const i = col(name);
    if (i !== undefined) m[role] = i;
  }
  return m as Partial<CsvMapping>;
}

function gdelt(table: Table): KnownFormat | null {
  if (table.hasHeader || table.delimiter !== '\t') return null;
  const width = table.names.length;
  const first = table.rows[0] ?? [];
  if (!/^\d+$/.test((first[0] ?? '').trim()) || !/^\d{8}$/.test((first[1] ?? '').trim()))
    return null;
  const v2 = width === 61;
  if (!v2 && width !== 57 && width !== 58) return null;
  const names = (v2 ? GDELT2_FIELDS : GDELT1_FIELDS).slice(0, width);
  const col = (n: string): number | undefined => {
    const i = names.indexOf(n);
    return i < 0 ? undefined : i;
  };
  const mapping = pick(col, {
    source: 'Actor1Name',
    target: 'Actor2Name',
    start: 'SQLDATE',
    type: 'EventCode',
    weight: 'GoldsteinScale',
    sign: 'QuadClass',
    reference: 'SOURCEURL',
    place: 'ActionGeo_FullName',
  });
  return {
    id: v2 ? 'gdelt2' : 'gdelt1',
    label: v2
      ? 'GDELT 2.0 events (61 fields)'
      : `GDELT 1.0 events (${width} fields${width === 58 ? ', with SOURCEURL' : ''})`,
    names,
    mapping: { ...mapping, mergeReports: true, hasHeader: false, delimiter: '\t' },
  };
}

function byHeader(table: Table): KnownFormat | null {
  if (!table.hasHeader) return null;
  const col = indexer(table);
  const has = (...ns: string[]): boolean => ns.every((n) => col(n) !== undefined);
  if (has('event_date', 'event_type', 'actor1', 'actor2')) {
    const type = has('sub_event_type') ? 'sub_event_type' : 'event_type';
    return {
      id: 'acled',
      label: 'ACLED export',
      mapping: {
        ...pick(col, {
          source: 'actor1',
          target: 'actor2',
          start: 'event_date',
          type,
          ...(type === 'sub_event_type' ? { family: 'event_type' } : {}),
          precision: 'time_precision',
          summary: 'notes',
          reference: 'source',
          weight: 'fatalities',
          id: 'event_id_cnty',
          place: 'location',
          sourceAssociates: 'assoc_actor_1',
          targetAssociates: 'assoc_actor_2',
        }),
        referenceSeparator: '; ',
      },
    };
  }
  if (has('Event Date', 'Source Name', 'Target Name', 'CAMEO Code')) {
    return {
      id: 'icews',
      label: 'ICEWS events',
      mapping: {
        ...pick(col, {
          source: 'Source Name',
          target: 'Target Name',
          start: 'Event Date',
          type: 'CAMEO Code',
          weight: 'Intensity',
          sign: 'Intensity',
          reference: 'Publisher',
          place: 'City',
        }),
        mergeReports: true,
      },
    };
  }
  if (has('group1_id', 'group2_id', 'type')) {
    return {
      id: 'mmp',
      label: 'Mapping Militant Organizations relationships',
      mapping: pick(col, {
        source: 'group1_id',
        target: 'group2_id',
        sourceName: 'group1_name',
        targetName: 'group2_name',
        type: 'type',
        start: 'date',
        summary: 'description',
        id: 'unique_id',
      }),
    };
  }
  const sides = has('side_a', 'side_b')
    ? ['side_a', 'side_b']
    : has('SideA', 'SideB')
      ? ['SideA', 'SideB']
      : null;
  if (sides && has('year')) {
    return {
      id: 'ucdp',
      label: 'UCDP dyad-year table',
      mapping: {
        ...pick(col, {
          source: sides[0] as string,
          target: sides[1] as string,
          start: 'year',
          type: has('type_of_conflict') ? 'type_of_conflict' : 'TypeOfConflict',
        }),
        mergeYearly: true,
      },
    };
  }
  if (has('year', 'source', 'target', 'type')) {
    return {
      id: 'ucdp',
      label: 'Yearly dyad table (UCDP style)',
      mapping: {
        ...pick(col, { source: 'source', target: 'target', start: 'year', type: 'type' }),
        mergeYearly: true,
      },
    };
  }
  return null;
}

/** The known format a table's columns (or, for headerless GDELT, its field count and values) match. */
export function recognise(table: Table): KnownFormat | null {
  return gdelt(table) ?? byHeader(table);
}
