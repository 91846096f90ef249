/**
 * Whether the terminal report is coloured, by the conventions other linters follow: `--color` /
 * `--no-color` first, then NO_COLOR (https://no-color.org: any non-empty value turns colour off),
 * then FORCE_COLOR (on, even into a pipe or a CI log; "0" or "false" turn it off), then whether
 * stdout is a terminal. The formats get the answer as an explicit chalk level, so chalk's own
 * reading of the environment never decides.
 */
export function colorWanted(option: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (option !== undefined) return option;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY;
}
