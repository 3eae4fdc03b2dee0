/**
 * The outcome of a check or a parse that gives a value or says why not (a number in a cell, a
 * formula, a column header, a decision record): `ok: true` with the value's fields, or `ok: false`
 * with the reason's. How a solve ended is `SolveStatus` (allocation.ts) instead.
 */

/** `{ ok: true, ...value }` or `{ ok: false, ...failure }`; the failure is a reason in words unless said otherwise. */
export type Result<Value extends object, Failure extends object = { readonly reason: string }> = ({ readonly ok: true } & Value) | ({ readonly ok: false } & Failure);
