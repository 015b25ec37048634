// Shared helpers of the hostile-input tests (issue 18): a minimal valid tieline/1 dataset to bend.
import type { Dataset } from '../../../src/model';
import { datasetOf } from '../../fixtures/dataset';

const claims = [{ source: 's', stance: 'asserts', locator: 'p. 1' }];

/** Parts of a tiny dataset that a case replaces. */
export interface Bend {
  typeId?: string;
  actorIds?: [string, string];
  kind?: string;
  start?: string;
  end?: string | null;
  title?: string;
  name?: string;
  label?: string;
  color?: string;
}

/**
 * A tiny dataset (two actors, one type, one relation), bent by `b`, as plain JSON data: valid until a
 * bend makes it hostile, so the cases hand it to the validator or the importer themselves.
 */
export function tinyData(b: Bend = {}) {
  const [x, y] = b.actorIds ?? ['a', 'b'];
  const type = b.typeId ?? 'truce';
  return {
    format: 'tieline/1',
    title: b.title ?? 'Tiny',
    relationTypes: [
      {
        id: type,
        label: b.label ?? 'Truce',
        directed: false,
        kind: 'state',
        ...(b.color ? { color: b.color } : {}),
      },
    ],
    actors: [
      { id: x, name: b.name ?? 'A', aliases: [], kind: b.kind ?? 'group' },
      { id: y, name: 'B', aliases: [], kind: 'group' },
    ],
    sources: [{ id: 's', title: 'S' }],
    relations: [
      {
        id: 'r',
        type,
        source: x,
        target: y,
        start: b.start ?? '2014-11',
        ...(b.end !== undefined ? { end: b.end } : {}),
        claims,
      },
    ],
  };
}

/** The tiny dataset bent by `b`, validated (for the cases that load or draw it, not the ones that refuse it). */
export function tiny(b: Bend = {}): Dataset {
  return datasetOf(tinyData(b));
}

/** Names that a plain object answers from its prototype. */
export const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
  'prototype',
] as const;
