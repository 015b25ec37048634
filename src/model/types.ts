// Domain types of a Tieline dataset (format `tieline/1`): actors, sources, typed and dated relations, claims.

/** A string id that only matches ids of the same kind, so an actor id can never be passed where a source id is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
/** Id of an actor (a node). */
export type ActorId = Brand<string, 'ActorId'>;
/** Id of a source document. */
export type SourceId = Brand<string, 'SourceId'>;
/** Id of a relation (an edge). */
export type RelationId = Brand<string, 'RelationId'>;
/** Id of a relation type (allegiance, truce, …). */
export type RelationTypeId = Brand<string, 'RelationTypeId'>;

/** The four kinds of actor the view draws with distinct shapes; other kinds are drawn as groups. */
export type ActorKind = 'group' | 'formation' | 'state' | 'coalition' | 'person' | (string & {});

/** A state holds over a span; an event happens on a date and is shown for an event window after it. */
export type RelationKind = 'state' | 'event';

/** A type of relation the dataset uses, with how it is drawn. */
export interface RelationType {
  readonly id: RelationTypeId;
  readonly label: string;
  readonly directed: boolean;
  readonly kind: RelationKind;
  /** Optional CSS colour; otherwise the view picks one from its palette. */
  readonly color?: string;
  /** Whether the relation is friendly, hostile or neither: picks the colour family (#13). */
  readonly sign?: 'cooperative' | 'hostile' | 'neutral';
  /** Types of one family replace each other: a state that lasts until superseded ends at the next (#14). */
  readonly family?: string;
  /** How long a state with no reported end holds: as dated, or until the same pair's next record in its family (#14). */
  readonly lasts?: 'as-dated' | 'until-superseded';
}

/** A party to relations: a group, a state, a coalition or a person. */
export interface Actor {
  readonly id: ActorId;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: ActorKind;
  readonly description?: string;
  /** Extra fields kept from an imported file (GEXF, Cytoscape JSON, CSV columns). */
  readonly attributes?: Attributes;
  /** A saved position (Cytoscape export), used by the layout when present (#13). */
  readonly position?: { readonly x: number; readonly y: number };
}

/** Extra fields of an actor or relation, kept as the imported file had them. */
export type Attributes = Readonly<Record<string, string | number | boolean | null>>;

/** A document that makes claims about relations. `published` is an EDTF date. */
export interface Source {
  readonly id: SourceId;
  readonly title: string;
  readonly publisher?: string;
  readonly author?: string;
  readonly published?: string;
  readonly document?: string;
  readonly url?: string;
}

/**
 * Whether a source asserts a relation, disputes it, or qualifies it (accepts it but narrows it: a
 * local ceasefire rather than a truce, backing much smaller than it looked). A qualifying claim is
 * neither an assertion nor a dispute: it does not make a tie shown, corroborated or disputed.
 */
export type Stance = 'asserts' | 'disputes' | 'qualifies';

/** An outlet or agency whose report a source relays (the Associated Press, the Guardian, …). */
export interface Originator {
  readonly id: string;
  readonly name: string;
}

/** One source's word on one relation, with where in the source it stands. */
export interface Claim {
  readonly source: SourceId;
  readonly stance: Stance;
  readonly locator: string;
  /** The originator whose report this claim relays (an id in `originators`); absent: the source's own reporting. */
  readonly via?: string;
  /** This source's own start (EDTF), when it dates the relation differently; absent: the relation's. */
  readonly start?: string;
  /** This source's own end (EDTF, or null: it reports no end); absent: the relation's. */
  readonly end?: string | null;
  /** Whose report the source relays, or any other qualification. */
  readonly note?: string;
}

/** A dated, typed tie between two actors, resting on claims. Dates are EDTF strings. */
export interface Relation {
  readonly id: RelationId;
  readonly type: RelationTypeId;
  readonly source: ActorId;
  readonly target: ActorId;
  readonly start: string;
  readonly end?: string | null;
  readonly place?: string;
  readonly count?: number;
  readonly summary?: string;
  /** Strength of the tie (a rating, a count of fatalities…), drawn as line width (#13). */
  readonly weight?: number;
  readonly claims: readonly Claim[];
  /** Extra fields kept from an imported file. */
  readonly attributes?: Attributes;
}

/** A whole dataset, as validated; the store only ever holds one of these. */
export interface Dataset {
  readonly format: 'tieline/1';
  readonly title: string;
  readonly description?: string;
  readonly relationTypes: readonly RelationType[];
  readonly actors: readonly Actor[];
  readonly sources: readonly Source[];
  /** Outlets and agencies the sources relay, named by claims' `via` (optional). */
  readonly originators?: readonly Originator[];
  readonly relations: readonly Relation[];
  /** `steps`: time is numbered steps (GEXF integer time), day n stands for step n and is shown so (#13). */
  readonly timeScale?: 'calendar' | 'steps';
}

/** How well a relation is supported, derived from its claims (never stored). */
export type Status = 'reported' | 'corroborated' | 'disputed';
