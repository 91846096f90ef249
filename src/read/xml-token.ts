/**
 * Where an XML token ends, found a chunk at a time, so that a token no chunk finishes is never
 * read again from its start: the scanners (sheet-scanner.ts) carry an unfinished token from one
 * chunk to the next with it, and TokenGuard bounds the tokens and text runs of the small parts
 * saxes reads. A tag, comment or attribute that runs on for megabytes then costs its length once,
 * and is refused past a cap, where reading it again with every chunk took time in the square of
 * its length (184 s for a 6 KB workbook).
 */

/** Malformed XML: the caller reports it as an InputError 'bad-xml'. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/** A token (or, in a small part, a text run) longer than the cap: the caller reports it as an InputError of its own. */
export class TokenTooLong extends XmlError {
  constructor(
    readonly max: number,
    text: string,
  ) {
    super(`longer than ${max} characters: ${snippet(text)}`);
    this.name = 'TokenTooLong';
  }
}

export function snippet(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

// Character codes
const BANG = 33;
const DQUOTE = 34;
const SQUOTE = 39;
const HYPHEN = 45;
const SLASH = 47;
const LT = 60;
const GT = 62;
const QUESTION = 63;
const LBRACKET = 91;
const RBRACKET = 93;

// The kinds of token
const K_UNKNOWN = 0;
const K_START = 1;
const K_END = 2;
const K_PI = 3;
const K_COMMENT = 4;
const K_CDATA = 5;
const K_DOCTYPE = 6;

/** How each kind of token opens: the search for its end starts after it. */
const OPENING = ['', '<', '</', '<?', '<!--', '<![CDATA[', '<!DOCTYPE'];
/** The longest opening: a token's first characters that are enough to tell its kind. */
const LONGEST_OPENING = 9;

/** The kind of the token at text[lt] ('<'), or K_UNKNOWN if too little of it is there to tell. */
function kindAt(text: string, lt: number): number {
  if (lt + 1 >= text.length) return K_UNKNOWN;
  const c1 = text.charCodeAt(lt + 1);
  if (c1 === SLASH) return K_END;
  if (c1 === QUESTION) return K_PI;
  if (c1 !== BANG) return K_START;
  if (text.startsWith('<!--', lt)) return K_COMMENT;
  if (text.startsWith('<![CDATA[', lt)) return K_CDATA;
  if (text.startsWith('<!DOCTYPE', lt)) return K_DOCTYPE;
  return K_UNKNOWN;
}

/**
 * The search for the end of one token. What it carries from one chunk to the next is its kind
 * and where in its ending the text so far stops: for a start tag, the quote a value is open with;
 * for a comment, how many of `-->`'s hyphens it ends with; and so on. It finds the end where the
 * scanner does: a start tag's '>' outside its quoted values (or a '<', which the scanner refuses
 * there), an end tag's '>', `?>`, `-->`, `]]>`, a DOCTYPE's '>' after its internal subset.
 */
export class Pending {
  kind = K_UNKNOWN;
  private state = 0;

  get known(): boolean {
    return this.kind !== K_UNKNOWN;
  }

  /** The token is a start tag (or an empty element's). */
  get startTag(): boolean {
    return this.kind === K_START;
  }

  /** The token is an end tag. */
  get endTag(): boolean {
    return this.kind === K_END;
  }

  /**
   * Begins the search for the end of the token at text[lt] ('<'): the offset just after its end,
   * -1 if the text ends first (the search carried on, see end), or -2 if too little of it is there
   * to tell its kind (read it again with more text). Markup of no kind XML has is malformed.
   */
  find(text: string, lt: number): number {
    this.begin(kindAt(text, lt));
    if (this.kind === K_UNKNOWN) {
      if (text.length - lt < LONGEST_OPENING) return -2;
      throw new XmlError(`malformed markup: ${snippet(text.slice(lt, lt + 40))}`);
    }
    return this.end(text, lt + OPENING[this.kind].length);
  }

  /**
   * The unfinished token text, starting with '<', that a scanner could not finish: its kind,
   * and the search through it (if its kind can be told: else the scanner reads it again, with
   * the next chunk, which it is short enough for).
   */
  start(text: string): void {
    this.begin(kindAt(text, 0));
    if (this.kind === K_UNKNOWN) return;
    // The scanner stopped for want of the end: finding one here means the two read the token
    // differently, which only a malformed one allows (a quote in a name, a '<' in one).
    if (this.end(text, OPENING[this.kind].length) >= 0) throw new XmlError(`malformed tag: ${snippet(text)}`);
  }

  begin(kind: number): void {
    this.kind = kind;
    this.state = 0;
  }

  /** The offset just after the token's end in text (searched from `from`), or -1, the search carried on. */
  end(text: string, from: number): number {
    const n = text.length;
    let state = this.state;
    let i = from;
    switch (this.kind) {
      case K_START:
        for (; i < n; i++) {
          const c = text.charCodeAt(i);
          if (state !== 0) {
            if (c === state) state = 0;
            else if (c === LT) return i + 1;
          } else if (c === GT || c === LT) return i + 1;
          else if (c === DQUOTE || c === SQUOTE) state = c;
        }
        break;
      case K_END: {
        const gt = text.indexOf('>', i);
        return gt < 0 ? -1 : gt + 1;
      }
      case K_PI:
        return this.terminator(text, i, QUESTION, 1);
      case K_COMMENT:
        return this.terminator(text, i, HYPHEN, 2);
      case K_CDATA:
        return this.terminator(text, i, RBRACKET, 2);
      case K_DOCTYPE:
        // 0: before any '['; 1: inside the internal subset; 2: after it.
        for (; i < n; i++) {
          const c = text.charCodeAt(i);
          if (c === GT && state !== 1) return i + 1;
          if (c === LBRACKET && state === 0) state = 1;
          else if (c === RBRACKET && state === 1) state = 2;
        }
        break;
    }
    this.state = state;
    return -1;
  }

  /** The end of `?>` (mark ×1), `-->` or `]]>` (mark ×2): state counts the marks the text so far ends with. */
  private terminator(text: string, from: number, mark: number, marks: number): number {
    let state = this.state;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === mark) state = state < marks ? state + 1 : marks;
      else if (c === GT && state === marks) return i + 1;
      else state = 0;
    }
    this.state = state;
    return -1;
  }
}

/**
 * Bounds what a general parser (saxes, for the workbook, its relationships and the styles) is
 * given: no token, and no text run between two tokens, longer than max characters. saxes reads
 * in linear time, but it keeps a token whole, and each of a start tag's attributes: a tag of a
 * million attributes took 10 s and 800 MB to refuse at 64 MB. Those parts have no long text
 * (a defined name's formula is at most 8,192 characters). Fed the part's text in order.
 */
export class TokenGuard {
  private readonly pending = new Pending();
  /** Characters of the token (in one) or text run (else) so far. */
  private length = 0;
  /** A token's start that a chunk cut too short to tell its kind (under LONGEST_OPENING characters). */
  private head = '';

  constructor(private readonly max: number) {}

  push(chunk: string): void {
    const text = this.head ? this.head + chunk : chunk;
    this.head = '';
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.pending.known) {
        const e = this.pending.end(text, i);
        if (e < 0) return this.add(text, n - i);
        this.pending.begin(K_UNKNOWN);
        this.length = 0;
        i = e;
        continue;
      }
      const lt = text.indexOf('<', i);
      if (lt < 0) return this.add(text, n - i);
      this.add(text, lt - i);
      let kind = kindAt(text, lt);
      if (kind === K_UNKNOWN) {
        if (n - lt < LONGEST_OPENING) {
          this.head = text.slice(lt);
          return;
        }
        // Markup no parser takes (`<!ELEMENT` outside a DOCTYPE): bounded as a tag until saxes refuses it.
        kind = K_START;
      }
      this.pending.begin(kind);
      this.length = 0;
      i = lt + OPENING[kind].length;
      this.length = OPENING[kind].length;
    }
  }

  private add(text: string, count: number): void {
    this.length += count;
    if (this.length > this.max) throw new TokenTooLong(this.max, text.slice(Math.max(0, text.length - count)));
  }
}
