// The one way a model answers a command: `{ ok: true, ...value }` or `{ ok: false, reason, ... }`.
// A refusal is data, never a thrown class or a bare null/false, so the route's action kit can
// check at compile time that every reason has an answer (app/utils/intents.server.ts).

export type Done<T extends object = object> = { ok: true } & T;
export type Refused<R extends string = string, T extends object = object> = { ok: false; reason: R } & T;
export type Outcome<T extends object = object, F extends Refused = Refused> = Done<T> | F;

export const done = <T extends object = object>(value?: T): Done<T> => ({ ok: true, ...(value as T) });

export const refused = <R extends string, T extends object = object>(reason: R, extra?: T): Refused<R, T> =>
  ({ ok: false, reason, ...(extra as T) });

/** A refusal's reasons, from a model function's outcome type. */
export type ReasonOf<O> = O extends { ok: false; reason: infer R } ? R : never;
