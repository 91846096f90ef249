/**
 * A progress line on stderr while many files are checked, only when stderr is a terminal (never
 * in CI logs or when redirected), redrawn at most a few times a second and erased at the end.
 */
import type { Lang } from '../engine/types.js';

const MIN_FILES = 20;
const EVERY_MS = 100;

export function progressBar(lang: Lang, stream: NodeJS.WriteStream = process.stderr): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  const word = lang === 'en' ? 'checked' : 'đã kiểm tra';
  return (done, total) => {
    if (total < MIN_FILES) return;
    const now = Date.now();
    if (done < total && now - last < EVERY_MS) return;
    last = now;
    const width = 24;
    const filled = Math.round((done / total) * width);
    stream.write(`\r${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total} ${word}`);
    if (done === total) stream.write('\r\x1b[2K');
  };
}
