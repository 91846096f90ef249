/**
 * What a Node.js built-in the page has no use for does when called anyway: it throws one clear
 * error. The page reads every dossier and pack as bytes or text it was given, so nothing on its
 * path calls these; a call is a bug, and it says which function and why rather than failing
 * later as "undefined is not a function".
 */
export function unavailable(module: string, name: string): (...args: unknown[]) => never {
  return () => {
    throw new Error(`${module}.${name} is not available in the browser page: hoso reads what the page is given, as bytes`);
  };
}

/** The named exports of a module, each one throwing when called. */
export function unavailableAll<const N extends readonly string[]>(module: string, names: N): Record<N[number], (...args: unknown[]) => never> {
  return Object.fromEntries(names.map((n) => [n, unavailable(module, n)])) as Record<N[number], (...args: unknown[]) => never>;
}
