import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, write: (t: string) => out.push(t) } as unknown as NodeJS.WriteStream };
}

describe('the progress line', () => {
  it('is never drawn when stderr is not a terminal (CI logs, redirects)', () => {
    const { s } = stream(false);
    expect(progressBar('vi', s)).toBeUndefined();
  });

  it('is drawn for many files on a terminal, and erased at the end', () => {
    const { out, s } = stream(true);
    const tick = progressBar('en', s)!;
    for (let i = 1; i <= 40; i++) tick(i, 40);
    expect(out[0]).toMatch(/^\r[█░]{24} 1\/40 checked$/);
    expect(out.at(-2)).toMatch(/^\r█{24} 40\/40 checked$/);
    expect(out.at(-1)).toBe('\r\x1b[2K');
  });

  it('stays quiet for a handful of files', () => {
    const { out, s } = stream(true);
    const tick = progressBar('vi', s)!;
    for (let i = 1; i <= 5; i++) tick(i, 5);
    expect(out).toEqual([]);
  });
});
