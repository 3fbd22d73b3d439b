/** `compute` remembering its last result: called again only when an argument differs (by identity) from the last call's. */
export function lastResult<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A): R => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.result;
    last = { args, result: compute(...args) };
    return last.result;
  };
}
