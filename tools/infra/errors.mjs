// What a caught value says: catch variables are `unknown` (tools/tsconfig.json, as in the
// services), and not everything thrown is an Error.
/** @param {unknown} err */
export const messageOf = (err) => (err instanceof Error ? err.message : String(err));
