// The shape of a `tieline/1` dataset as a valibot schema; data/tieline.schema.json is generated from it.
import * as v from 'valibot';

const id = v.pipe(v.string(), v.trim(), v.minLength(1, 'an id must not be empty'));
const text = v.string();
const attributes = v.optional(
  v.record(v.string(), v.union([v.string(), v.number(), v.boolean(), v.null()])),
);

/** A relation type: how a kind of tie is drawn and whether it holds over time or happens once. */
export const RelationTypeSchema = v.object({
  id,
  label: text,
  directed: v.boolean(),
  kind: v.picklist(['state', 'event'], 'kind must be "state" or "event"'),
  color: v.optional(text),
  sign: v.optional(
    v.picklist(
      ['cooperative', 'hostile', 'neutral'],
      'sign must be cooperative, hostile or neutral',
    ),
  ),
  family: v.optional(text),
  lasts: v.optional(
    v.picklist(['as-dated', 'until-superseded'], 'lasts must be "as-dated" or "until-superseded"'),
  ),
});

/** An actor: a node of the graph. */
export const ActorSchema = v.object({
  id,
  name: v.pipe(text, v.minLength(1, 'a name must not be empty')),
  aliases: v.optional(v.array(text), []),
  kind: v.optional(text, 'group'),
  description: v.optional(text),
  attributes,
  position: v.optional(
    v.object({ x: v.pipe(v.number(), v.finite()), y: v.pipe(v.number(), v.finite()) }),
  ),
});

/** A source document that claims things about relations. */
export const SourceSchema = v.object({
  id,
  title: text,
  publisher: v.optional(text),
  author: v.optional(text),
  published: v.optional(text),
  document: v.optional(text),
  url: v.optional(text),
});

/** One source's stance on one relation, with where in the source it stands. */
export const ClaimSchema = v.object({
  source: id,
  stance: v.picklist(
    ['asserts', 'disputes', 'qualifies'],
    'stance must be "asserts", "disputes" or "qualifies"',
  ),
  locator: v.pipe(text, v.minLength(1, 'a claim needs a locator (where in the source it stands)')),
  via: v.optional(id),
  start: v.optional(text),
  end: v.optional(v.nullable(text)),
  note: v.optional(text),
});

/** An outlet or agency whose report a source relays, named by claims' `via`. */
export const OriginatorSchema = v.object({
  id,
  name: v.pipe(text, v.minLength(1, 'a name must not be empty')),
});

/** A dated, typed tie between two actors. */
export const RelationSchema = v.object({
  id,
  type: id,
  source: id,
  target: id,
  start: text,
  end: v.optional(v.nullable(text)),
  place: v.optional(text),
  count: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  summary: v.optional(text),
  weight: v.optional(v.pipe(v.number(), v.finite())),
  claims: v.array(ClaimSchema),
  attributes,
});

/** A whole `tieline/1` dataset. */
export const DatasetSchema = v.object({
  format: v.literal('tieline/1', 'format must be "tieline/1"'),
  title: text,
  description: v.optional(text),
  relationTypes: v.array(RelationTypeSchema),
  actors: v.array(ActorSchema),
  sources: v.array(SourceSchema),
  originators: v.optional(v.array(OriginatorSchema)),
  relations: v.array(RelationSchema),
  timeScale: v.optional(
    v.picklist(['calendar', 'steps'], 'timeScale must be "calendar" or "steps"'),
  ),
});
