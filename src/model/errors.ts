// Small shared shapes: the message of anything thrown, and a writable copy of a readonly type.

/** What a thrown value says, for people: an Error's message (never "Error: …"), anything else as text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A writable view of a readonly record, for building one field by field before it is frozen as T. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
