/**
 * A seeded pseudo-random source for tests that try many generated inputs: the same seed gives
 * the same inputs on every run, so a failure names an input that can be tried again.
 * The function gives a whole number from 0 to n - 1 (a linear congruential generator, as in C's
 * rand, scaled from its high bits: its low bits repeat with short periods, so that `state % 4`
 * would only ever give some of 0-3 at a given place in a loop).
 */
export function seeded(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}
