import { createRequire } from 'node:module';

/**
 * A CommonJS package required on its first use, not when the module naming it is imported: a
 * command that never needs it (yaml with every pack cached, iconv-lite without a Windows-1258
 * file) never loads it. See test/cli/startup.test.ts.
 */
export function lazyRequire<T>(name: string): () => T {
  const require = createRequire(import.meta.url);
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
