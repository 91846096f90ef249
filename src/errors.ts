/**
 * The errors the command line turns into one line and exit 2, in a module of their own so that
 * `hoso --version` and `--help` need not load the engine, the rule loader or the readers to
 * recognise them.
 */
import type { Lang } from './engine/types.js';
import type { Said } from './said.js';

export type { Said } from './said.js';

/** A mistake in how hoso was called: one line, exit 2. Said in Vietnamese and in English. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly english: string = message,
  ) {
    super(message);
  }

  say(lang: Lang): string {
    return lang === 'en' ? this.english : this.message;
  }
}


/**
 * A mistake in a rule pack (or config file), located: file, line, column and key, with the reason
 * in both languages. `reason` and `message` are the English ones; `say` gives the user's.
 */
export class PackError extends Error {
  readonly reason: string;
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly keyPath: string,
    readonly said: Said,
  ) {
    super(`${file}:${line}:${col}: ${keyPath ? keyPath + ': ' : ''}${said.en}`);
    this.name = 'PackError';
    this.reason = said.en;
  }

  say(lang: Lang): string {
    return `${this.file}:${this.line}:${this.col}: ${this.keyPath ? this.keyPath + ': ' : ''}${this.said[lang]}`;
  }
}

/** An output that would replace an input file. */
export class OutputError extends Error {}
