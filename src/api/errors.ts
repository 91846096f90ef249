/**
 * What the library rejects with: the one line the command line would print and exit 2 with — a
 * rule pack or config that cannot be loaded (its name, line, column and key), an unknown profile,
 * a request without files — in the language asked for.
 */
import { PackError, UsageError } from '../errors.js';
import type { Lang } from '../engine/types.js';

export class HosoError extends Error {
  /** For a pack or config: the name it was given, and where in it the mistake is. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** The key's path in the YAML ("rules[0].with.op"); '' for the file as a whole. */
  readonly key?: string;

  constructor(message: string, at?: { file: string; line: number; column: number; key: string }) {
    super(message);
    this.name = 'HosoError';
    if (at) Object.assign(this, at);
  }
}

/** A pack's or a usage mistake as a HosoError in `lang`; anything else (a fault of hoso's) as it is. */
export function asHosoError(e: unknown, lang: Lang): unknown {
  if (e instanceof PackError) return new HosoError(e.say(lang), { file: e.file, line: e.line, column: e.col, key: e.keyPath });
  if (e instanceof UsageError) return new HosoError(e.say(lang));
  return e;
}

/** Runs `work`, its pack and usage mistakes said as HosoErrors. */
export async function saidIn<T>(lang: Lang, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw asHosoError(e, lang);
  }
}
