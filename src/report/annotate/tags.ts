/**
 * A part's XML passed through as it comes, a chunk at a time, with a say over a few tags: the
 * annotated copy changes one attribute of a cell, inserts a cell, a row or a note, and leaves
 * every other character of the part as the input holds it. Only the tags whose names are asked
 * for are looked at (given to the handler with their text); everything else — other tags, text,
 * comments, CDATA — is written through in long runs without being decoded.
 *
 * Linear in the part's length and bounded in memory: a token that a chunk does not finish is
 * carried to the next one and its end searched for in the new text alone (xml-token.ts's
 * Pending, as the readers do), never read again from its start, and refused past the cap.
 */
import { Pending, snippet, TokenTooLong, XmlError } from '../../read/xml-token.js';

export { decodeAttribute } from '../../read/sheet-scanner.js';

export const START = 1;
export const END = 2;
export const EMPTY = 3;

export interface Tag {
  /** START, END or EMPTY (an element with no content: `<c r="A1"/>`). */
  kind: number;
  /** Which of the names asked for it is (their index). */
  id: number;
  /** The name's prefix with its colon ("x:" in `<x:row>`), or ''. */
  prefix: string;
  /** The tag's text, from '<' to '>'. */
  raw: string;
  /** Where its '<' stands in the part's text, in UTF-16 units from the start. */
  at: number;
  /** The element's depth: the root's is 1. */
  depth: number;
}

/** What a handler makes of a tag: the text written in its place, or undefined to keep it. */
export type TagHandler = (tag: Tag, stream: TagStream) => string | undefined;

const LT = 60;
const GT = 62;
const SLASH = 47;
const COLON = 58;
const QUESTION = 63;

function endsName(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === SLASH || c === GT;
}

export class TagStream {
  /** While true, the text between tags, and the tags no handler replaces, are left out. */
  dropping = false;
  private readonly pending = new Pending();
  /** An unfinished token: the start of it the text so far held. */
  private carry = '';
  private carryAt = 0;
  /** Characters pushed before the chunk in hand. */
  private total = 0;
  private depth = 0;
  private emitFrom = 0;

  constructor(
    private readonly names: readonly string[],
    private readonly handler: TagHandler,
    private readonly out: (text: string) => void,
    private readonly maxToken: number,
    /** By name's index, the names not wanted for now (an editor sets them): such a tag is passed without a Tag being made. */
    private readonly resting: readonly boolean[] = [],
  ) {}

  push(chunk: string): void {
    if (!chunk) return;
    const base = this.total;
    this.total += chunk.length;
    if (!this.carry) return this.scan(chunk, 0, base);
    if (!this.pending.known) {
      // Too little of the token to tell its kind (a few characters): read again with the chunk.
      const text = this.carry + chunk;
      const at = this.carryAt;
      this.carry = '';
      return this.scan(text, 0, at);
    }
    const end = this.pending.end(chunk, 0);
    if (end < 0) {
      this.carry += chunk;
      if (this.carry.length > this.maxToken) throw new TokenTooLong(this.maxToken, this.carry);
      return;
    }
    const token = this.carry + chunk.slice(0, end);
    const at = this.carryAt;
    this.carry = '';
    this.scan(token, 0, at);
    this.scan(chunk, end, base);
  }

  /** The part has ended: a token left unfinished is malformed. */
  end(): void {
    if (this.carry) throw new XmlError(`unexpected end of part inside a tag: ${snippet(this.carry)}`);
  }

  /** Scans buf from `from` (buf[0] being the part's character `base`), keeping an unfinished token. */
  private scan(buf: string, from: number, base: number): void {
    const n = buf.length;
    this.emitFrom = from;
    let pos = from;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) break;
      const end = this.pending.find(buf, lt);
      if (end < 0) {
        this.flush(buf, lt);
        this.carry = buf.slice(lt);
        this.carryAt = base + lt;
        if (this.carry.length > this.maxToken) throw new TokenTooLong(this.maxToken, this.carry);
        return;
      }
      pos = end;
      if (this.pending.startTag) this.tag(buf, lt, end, base, buf.charCodeAt(end - 2) === SLASH ? EMPTY : START);
      else if (this.pending.endTag) this.tag(buf, lt, end, base, END);
      else if (base + lt === 0 && buf.charCodeAt(lt + 1) === QUESTION) this.declaration(buf, lt, end);
    }
    this.flush(buf, n);
    this.pending.begin(0);
  }

  private tag(buf: string, lt: number, end: number, base: number, kind: number): void {
    if (buf.charCodeAt(end - 1) !== GT) throw new XmlError(`malformed tag: ${snippet(buf.slice(lt, end))}`);
    let depth: number;
    if (kind === START) depth = ++this.depth;
    else if (kind === EMPTY) depth = this.depth + 1;
    else depth = this.depth--;
    const from = kind === END ? lt + 2 : lt + 1;
    let local = from;
    let i = from;
    for (; i < end; i++) {
      const c = buf.charCodeAt(i);
      if (endsName(c)) break;
      if (c === COLON) local = i + 1;
    }
    const length = i - local;
    const names = this.names;
    for (let id = 0; id < names.length; id++) {
      if (names[id].length !== length || !buf.startsWith(names[id], local)) continue;
      if (this.resting[id]) return;
      const tag: Tag = { kind, id, prefix: buf.slice(from, local), raw: buf.slice(lt, end), at: base + lt, depth };
      const dropping = this.dropping;
      const text = this.handler(tag, this);
      if (text !== undefined || dropping !== this.dropping) {
        const now = this.dropping;
        this.dropping = dropping;
        this.flush(buf, lt);
        this.dropping = now;
        if (text !== undefined) {
          this.out(text);
          this.emitFrom = end;
        }
      }
      return;
    }
  }

  /** The XML declaration: the copy is written in UTF-8, whatever the input was. */
  private declaration(buf: string, lt: number, end: number): void {
    const raw = buf.slice(lt, end);
    if (!raw.startsWith('<?xml')) return;
    const fixed = raw.replace(/(\sencoding\s*=\s*)(["'])(.*?)\2/, (m, eq: string, q: string, name: string) => (/^utf-?8$/i.test(name) ? m : `${eq}${q}UTF-8${q}`));
    if (fixed === raw) return;
    this.flush(buf, lt);
    this.out(fixed);
    this.emitFrom = end;
  }

  private flush(buf: string, to: number): void {
    if (to > this.emitFrom && !this.dropping) this.out(buf.slice(this.emitFrom, to));
    this.emitFrom = to;
  }
}

/** What a pass over a part does: the tags it looks at, what it makes of them, and (a pass that only looks) when it has seen enough. */
export interface Editor {
  readonly names: readonly string[];
  readonly handler: TagHandler;
  done?(): boolean;
  /** The names the editor is not looking at for now, by index (see TagStream): a sheet's cells in the rows without a mark. */
  readonly resting?: readonly boolean[];
}

/** A part's text through an editor, a chunk at a time; `out` gets the text written (a pass that only looks drops it). */
export async function pass(text: AsyncIterable<string>, editor: Editor, maxToken: number, out: (text: string) => void = () => {}): Promise<void> {
  const stream = new TagStream(editor.names, editor.handler, out, maxToken, editor.resting);
  for await (const chunk of text) {
    stream.push(chunk);
    if (editor.done?.()) return;
  }
  stream.end();
}

/** A text in hand through an editor: a small part held whole (mark-package.ts), and the tests. */
export function rewriteText(text: string, editor: Editor, maxToken = Infinity): string {
  const out: string[] = [];
  const stream = new TagStream(editor.names, editor.handler, (t) => out.push(t), maxToken, editor.resting);
  stream.push(text);
  stream.end();
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// Attributes of a tag's text

interface Span {
  name: string;
  /** The value's first character and the one after its last, in the tag's text. */
  start: number;
  end: number;
}

const ATTRIBUTE = /([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function spans(raw: string): Span[] {
  const out: Span[] = [];
  // The name's end: attributes come after it.
  const from = raw.search(/[\s/>]/);
  ATTRIBUTE.lastIndex = from < 0 ? raw.length : from;
  for (let m = ATTRIBUTE.exec(raw); m; m = ATTRIBUTE.exec(raw)) {
    const value = m[2] ?? m[3];
    const end = m.index + m[0].length - 1;
    out.push({ name: m[1], start: end - value.length, end });
  }
  return out;
}

const localOf = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * An attribute's value as the tag holds it (entities not decoded), by its name: "r", "s", or a
 * prefixed one by its local name after a colon (":id" finds r:id whatever the prefix).
 */
export function attr(raw: string, name: string): string | undefined {
  const prefixed = name.startsWith(':');
  for (const s of spans(raw)) {
    if (prefixed ? s.name.includes(':') && localOf(s.name) === name.slice(1) : s.name === name) return raw.slice(s.start, s.end);
  }
  return undefined;
}

/** The tag with the attribute set to value (already escaped): replaced where it stands, or added last. */
export function withAttr(raw: string, name: string, value: string): string {
  const s = spans(raw).find((a) => a.name === name);
  if (s) return raw.slice(0, s.start) + value + raw.slice(s.end);
  const close = raw.endsWith('/>') ? raw.length - 2 : raw.length - 1;
  return `${raw.slice(0, close)} ${name}="${value}"${raw.slice(close)}`;
}

/** An empty element's tag as a start tag: `<row r="3"/>` → `<row r="3">`. */
export const opened = (raw: string): string => raw.replace(/\s*\/>$/, '>');

/** A closing tag for a tag's element. */
export const closing = (tag: Tag, name: string): string => `</${tag.prefix}${name}>`;
