/**
 * Purpose-built scanners for the two large parts of a workbook, the worksheets and the shared
 * strings. Their XML is regular (`<row r="2"><c r="A2" s="1" t="s"><v>12</v></c>…</row>`), so
 * instead of a general XML parser tokenising character by character, a scanner finds each `<`
 * with indexOf, reads the tag's name and attributes by character code, and slices out only the
 * text it needs. It is fed decoded text in chunks of any size (push) and carries an unfinished
 * tag over to the next chunk; text is kept raw until its element ends, so that an entity or a
 * CR LF split between two chunks is still decoded whole.
 *
 * It checks well-formedness only as far as it is cheap: every end tag must match the open
 * element, attributes must be quoted, entities must be known, and the part must not end inside a
 * tag or an element. What it does not check (names' characters, duplicate attributes, a bare `&`
 * in text it skips) a general parser would reject, but no writer produces.
 */
import { fromVni } from '../normalize/legacy.js';
import { cleanTextTouches } from '../normalize/text.js';
import { columnIndex, ownString, PlainText, type RawCell, type RawRow } from './types.js';
import { grown } from '../arrays.js';
import { Pending, snippet, TokenTooLong, XmlError } from './xml-token.js';

export { TokenTooLong, XmlError } from './xml-token.js';

export type NumberKind = 'date' | 'percent';

/** What a worksheet's cells are interpreted against. */
export interface SheetContext {
  sst: SharedStrings;
  /** Per cellXfs index: how a number under that style is shown. */
  xfKinds: (NumberKind | undefined)[];
  date1904: boolean;
  /** Longest cell text kept, in characters. */
  maxCellChars: number;
}

// Character codes
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const AMP = 38;
const SQUOTE = 39;
const SLASH = 47;
const COLON = 58;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;

// Element ids: the elements the scanners act on, by local name (any namespace prefix ignored).
const OTHER = 0;
const E_C = 1;
const E_V = 2;
const E_F = 3;
const E_T = 4;
const E_R = 5;
const E_IS = 6;
const E_SI = 7;
const E_ROW = 8;
const E_RPH = 9;
const E_SHEETDATA = 10;

const ELEMENT_NAMES = ['', 'c', 'v', 'f', 't', 'r', 'is', 'si', 'row', 'rPh', 'sheetData'];

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR;
}

/**
 * The tokenising half shared by both scanners: finds tags, parses attributes into reusable
 * offset arrays, keeps the stack of open elements and hands text to the subclass only while it
 * is capturing.
 */
abstract class XmlScanner {
  /** The text being scanned: the unconsumed tail of the previous chunks and the new chunk. */
  protected buf = '';
  /** Offsets into buf of the current start tag's attributes: name start/end, value start/end. */
  protected attrCount = 0;
  protected nameStart = new Int32Array(16);
  protected nameEnd = new Int32Array(16);
  protected valStart = new Int32Array(16);
  protected valEnd = new Int32Array(16);
  /** Whether text inside the current element is wanted (text() is called for it). */
  protected capturing = false;

  /** The open elements: ids, and qualified names to match their end tags against. */
  private ids: number[] = [];
  private names: string[] = [];
  protected depth = 0;
  private rootSeen = false;
  /** The first '<' after the tag startTag read (-1: none in buf), found before open() runs. */
  private nextLt = -1;

  /** Whether fastElement is worth trying at each start tag. */
  protected fast = false;

  /** Where the search for the end of the unfinished token in buf stopped. */
  private readonly pending = new Pending();

  /** The longest token (tag, comment, CDATA section…) read: see tokenCap. */
  protected maxToken = tokenCap(0);

  protected abstract open(id: number): void;
  protected abstract close(id: number): void;
  /** Raw text inside a capturing element: entities and line ends not yet decoded. */
  protected abstract text(piece: string): void;

  /** Scans a chunk of decoded text, keeping any unfinished tag for the next. */
  push(chunk: string): void {
    const tail = this.buf;
    if (tail.length === 0 || !this.pending.known) {
      // Nothing left unfinished, or too little of it to tell what it is (at most `<!DOCTY`),
      // which is read again with the chunk.
      this.buf = tail.length === 0 ? chunk : tail + chunk;
      this.scan(0);
    } else {
      // The tail is an unfinished token. Its end is looked for in the new text alone, from
      // where the search stopped (see Pending): a token a chunk does not finish is kept, never
      // read again from its start, so that a tag or comment of any length costs its length once.
      const end = this.pending.end(chunk, 0);
      if (end < 0) {
        this.buf = tail + chunk;
        if (this.buf.length > this.maxToken) throw new TokenTooLong(this.maxToken, this.buf);
        return;
      }
      // Finished on a short string of its own, then the chunk itself is scanned from there on:
      // concatenating would copy every chunk, and a concatenated string is slower to read
      // character by character.
      this.buf = tail + chunk.slice(0, end);
      this.scan(0);
      if (this.buf.length > 0) throw new XmlError(`malformed tag: ${snippet(this.buf)}`);
      this.buf = chunk;
      this.scan(end);
    }
    if (this.buf.length > 0) this.carry();
  }

  /** The unfinished token left in buf, looked at once, so that the next chunk need not read it again. */
  private carry(): void {
    if (this.buf.length > this.maxToken) throw new TokenTooLong(this.maxToken, this.buf);
    this.pending.start(this.buf);
  }

  /** The part has ended: anything unfinished is malformed. */
  finish(): void {
    // An unfinished token whose end has been looked for is not read again: it has none.
    if (this.buf.length === 0 || !this.pending.known) this.scan(0);
    if (this.buf.length > 0) throw new XmlError(`unexpected end of part inside a tag: ${snippet(this.buf)}`);
    if (this.depth > 0) throw new XmlError(`unexpected end of part: <${this.openName(this.depth - 1)}> is not closed`);
    if (!this.rootSeen) throw new XmlError('the part has no root element');
  }

  private openName(level: number): string {
    return this.names[level];
  }

  /** Scans buf from start, leaving in buf what is not yet complete. */
  private scan(start: number): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = start;
    let lt = buf.indexOf('<', start);
    for (;;) {
      if (lt < 0) {
        if (pos < n) this.textRun(pos, n);
        pos = n;
        break;
      }
      if (lt > pos) this.textRun(pos, lt);
      pos = lt;
      if (lt + 1 >= n) break;
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 === SLASH) {
        const next = this.endTag(lt);
        if (next < 0) break;
        pos = next;
        lt = nextLt(buf, pos, n);
      } else if (c1 === QUESTION || c1 === BANG) {
        const next = c1 === BANG ? this.markup(lt) : this.pi(lt);
        if (next < 0) break;
        pos = next;
        lt = buf.indexOf('<', pos);
      } else {
        if (this.fast) {
          const next = this.fastElement(lt, c1);
          if (next >= 0) {
            pos = next;
            lt = nextLt(buf, pos, n);
            continue;
          }
        }
        const next = this.startTag(lt);
        if (next < 0) break;
        pos = next;
        lt = this.nextLt;
      }
    }
    this.buf = pos >= n ? '' : buf.slice(pos);
  }

  private pi(lt: number): number {
    const e = this.buf.indexOf('?>', lt + 2);
    return e < 0 ? -1 : e + 2;
  }

  private textRun(start: number, end: number): void {
    if (this.capturing) this.text(this.buf.slice(start, end));
    else if (this.depth === 0) {
      for (let i = start; i < end; i++) {
        if (!isSpace(this.buf.charCodeAt(i))) throw new XmlError(`text outside the root element: ${snippet(this.buf.slice(i))}`);
      }
    }
  }

  /** `<!-- -->`, `<![CDATA[ ]]>` or `<!DOCTYPE >` at lt; the offset after it, or -1 if incomplete. */
  private markup(lt: number): number {
    const buf = this.buf;
    if (buf.startsWith('<!--', lt)) {
      const e = buf.indexOf('-->', lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const e = buf.indexOf(']]>', lt + 9);
      if (e < 0) return -1;
      if (this.depth === 0) throw new XmlError('CDATA outside the root element');
      // CDATA is literal: its '&' are escaped so that the later entity decoding restores them.
      if (this.capturing && e > lt + 9) this.text(buf.slice(lt + 9, e).replace(/&/g, '&amp;'));
      return e + 3;
    }
    if (buf.startsWith('<!DOCTYPE', lt)) {
      if (this.rootSeen) throw new XmlError('DOCTYPE after the root element');
      // An internal subset in brackets may hold '>'; nothing in it is used.
      const gt = buf.indexOf('>', lt + 9);
      if (gt < 0) return -1;
      const open = buf.indexOf('[', lt + 9);
      if (open < 0 || open > gt) return gt + 1;
      const close = buf.indexOf(']', open);
      if (close < 0) return -1;
      const end = buf.indexOf('>', close);
      return end < 0 ? -1 : end + 1;
    }
    const rest = buf.slice(lt);
    if (rest.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE'].some((m) => m.startsWith(rest))) return -1;
    throw new XmlError(`unexpected markup: ${snippet(rest)}`);
  }

  /**
   * The subclass's most common element at lt (whose second character is c1), read whole in one
   * go: the offset after it, or -1 to leave it to startTag.
   */
  protected fastElement(_lt: number, _c1: number): number {
    return -1;
  }

  /** The start tag at lt; the offset after it, or -1 if it is not complete in buf. */
  private startTag(lt: number): number {
    const buf = this.buf;
    const n = buf.length;
    let i = lt + 1;
    let c = charAt(buf, i, n);
    let local = i;
    while (i < n && c !== GT && c !== SLASH && !isSpace(c)) {
      if (c === COLON) local = i + 1;
      c = charAt(buf, ++i, n);
    }
    if (i >= n) return -1;
    const nameEnd = i;
    if (nameEnd === lt + 1) throw new XmlError(`malformed tag: ${snippet(buf.slice(lt))}`);
    let count = 0;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(c)) c = charAt(buf, ++i, n);
      if (i >= n) return -1;
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= n) return -1;
        if (charAt(buf, i + 1, n) !== GT) throw new XmlError(`malformed tag: ${snippet(buf.slice(lt))}`);
        selfClosing = true;
        i += 2;
        break;
      }
      if (count > 0 && !isSpace(charAt(buf, i - 1, n))) throw new XmlError(`malformed attributes: ${snippet(buf.slice(lt))}`);
      const ns = i;
      while (i < n && c !== EQ && !isSpace(c) && c !== GT && c !== SLASH && c !== LT) c = charAt(buf, ++i, n);
      if (i >= n) return -1;
      const ne = i;
      while (i < n && isSpace(c)) c = charAt(buf, ++i, n);
      if (i >= n) return -1;
      if (c !== EQ || ne === ns) throw new XmlError(`malformed attributes: ${snippet(buf.slice(lt))}`);
      c = charAt(buf, ++i, n);
      while (i < n && isSpace(c)) c = charAt(buf, ++i, n);
      if (i >= n) return -1;
      if (c !== DQUOTE && c !== SQUOTE) throw new XmlError(`unquoted attribute value: ${snippet(buf.slice(lt))}`);
      // Values are short: a loop beats indexOf's call overhead, and sees a '<' that betrays a missing quote.
      const quote = c;
      let close = i + 1;
      c = charAt(buf, close, n);
      while (close < n && c !== quote && c !== LT) c = charAt(buf, ++close, n);
      if (close >= n) return -1;
      if (c === LT) throw new XmlError(`'<' in an attribute value: ${snippet(buf.slice(lt))}`);
      if (count === this.nameStart.length) this.growAttrs();
      this.nameStart[count] = ns;
      this.nameEnd[count] = ne;
      this.valStart[count] = i + 1;
      this.valEnd[count] = close;
      count++;
      i = close + 1;
      c = charAt(buf, i, n);
    }
    if (this.depth === 0) {
      if (this.rootSeen) throw new XmlError(`a second root element: ${snippet(buf.slice(lt))}`);
      this.rootSeen = true;
    }
    const id = elementId(buf, local, nameEnd);
    this.nextLt = nextLt(buf, i, n);
    this.attrCount = count;
    this.open(id);
    if (selfClosing) this.close(id);
    else {
      this.ids[this.depth] = id;
      this.names[this.depth] = id !== OTHER && local === lt + 1 ? ELEMENT_NAMES[id] : buf.slice(lt + 1, nameEnd);
      this.depth++;
    }
    return i;
  }

  /** The end tag at lt; the offset after it, or -1 if it is not complete in buf. */
  private endTag(lt: number): number {
    const buf = this.buf;
    const level = this.depth - 1;
    if (level >= 0) {
      const name = this.names[level];
      const gt = lt + 2 + name.length;
      if (gt < buf.length && buf.charCodeAt(gt) === GT && buf.startsWith(name, lt + 2)) {
        this.depth = level;
        this.close(this.ids[level]);
        return gt + 1;
      }
    }
    // White space before '>', or a mismatch.
    const gt = buf.indexOf('>', lt + 2);
    if (gt < 0) return -1;
    let nameEnd = gt;
    while (nameEnd > lt + 2 && isSpace(buf.charCodeAt(nameEnd - 1))) nameEnd--;
    const name = buf.slice(lt + 2, nameEnd);
    if (level < 0 || name !== this.names[level]) {
      const expected = level < 0 ? 'no open element' : `</${this.names[level]}>`;
      throw new XmlError(`unexpected ${buf.slice(lt, gt + 1)} where ${expected} was expected`);
    }
    this.depth = level;
    this.close(this.ids[level]);
    return gt + 1;
  }

  /** An element read whole by a subclass's fast path, whose content follows: opened as startTag would. */
  protected enter(id: number): void {
    this.ids[this.depth] = id;
    this.names[this.depth] = ELEMENT_NAMES[id];
    this.depth++;
  }

  private growAttrs(): void {
    const n = this.nameStart.length * 2;
    this.nameStart = grown(this.nameStart, n);
    this.nameEnd = grown(this.nameEnd, n);
    this.valStart = grown(this.valStart, n);
    this.valEnd = grown(this.valEnd, n);
  }

  /** The index of the attribute whose (exact, unprefixed) name is `name`, or -1. */
  protected attrIndex(name: string): number {
    const buf = this.buf;
    const len = name.length;
    for (let k = 0; k < this.attrCount; k++) {
      const s = this.nameStart[k];
      if (this.nameEnd[k] - s === len && buf.startsWith(name, s)) return k;
    }
    return -1;
  }

  /** Attribute k's value, entities decoded. */
  protected attrValue(k: number): string {
    const raw = this.buf.slice(this.valStart[k], this.valEnd[k]);
    return raw.indexOf('&') < 0 && !/[\t\n\r]/.test(raw) ? raw : decodeAttribute(raw);
  }
}

/**
 * buf[k]'s code, or -1 past the end. Reading past the end of a string makes V8 throw away the
 * optimised code of the function that did it: every chunk ends somewhere inside a tag.
 */
function charAt(buf: string, k: number, n: number): number {
  return k < n ? buf.charCodeAt(k) : -1;
}

/** The first '<' at or after i, or -1: most are within a few characters, where a loop beats indexOf. */
function nextLt(buf: string, i: number, n: number): number {
  const stop = i + 8 < n ? i + 8 : n;
  for (; i < stop; i++) if (buf.charCodeAt(i) === LT) return i;
  return i < n ? buf.indexOf('<', i) : -1;
}

/** The element id of the local name buf[ls, end). */
function elementId(buf: string, ls: number, end: number): number {
  const len = end - ls;
  const c0 = buf.charCodeAt(ls);
  switch (len) {
    case 1:
      return c0 === 99 ? E_C : c0 === 118 ? E_V : c0 === 102 ? E_F : c0 === 116 ? E_T : c0 === 114 ? E_R : OTHER;
    case 2:
      if (c0 === 105 && buf.charCodeAt(ls + 1) === 115) return E_IS;
      if (c0 === 115 && buf.charCodeAt(ls + 1) === 105) return E_SI;
      return OTHER;
    case 3:
      if (c0 !== 114) return OTHER;
      if (buf.charCodeAt(ls + 1) === 111 && buf.charCodeAt(ls + 2) === 119) return E_ROW;
      if (buf.charCodeAt(ls + 1) === 80 && buf.charCodeAt(ls + 2) === 104) return E_RPH;
      return OTHER;
    case 9:
      return buf.startsWith('sheetData', ls) ? E_SHEETDATA : OTHER;
    default:
      return OTHER;
  }
}

/**
 * The longest token carried from one chunk to the next, in characters: a tag with its
 * attributes, an end tag, a comment, a CDATA section, a processing instruction, a DOCTYPE. Real
 * ones are far shorter; a CDATA section holding a whole cell may be as long as the cell's raw
 * text, so --max-cell-length raises it. Past it the part is refused: an unfinished token cannot
 * hold the whole part in memory.
 */
export function tokenCap(maxCellChars: number): number {
  return Math.max(1024 * 1024, rawCap(maxCellChars));
}

// ---------------------------------------------------------------------------------------------
// Text decoding

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data as an XML parser reports it: CR LF and lone CR read as LF, then entities decoded. */
export function decodeText(raw: string): string {
  if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
  return raw.indexOf('&') < 0 ? raw : decodeEntities(raw);
}

/** An attribute value as an XML parser reports it: white space characters read as spaces. */
export function decodeAttribute(raw: string): string {
  const normalised = raw.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' ');
  return normalised.indexOf('&') < 0 ? normalised : decodeEntities(normalised);
}

function decodeEntities(raw: string): string {
  let out = '';
  let last = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', last)) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0) throw new XmlError(`unterminated entity: ${snippet(raw.slice(amp))}`);
    out += raw.slice(last, amp) + entity(raw.slice(amp + 1, semi));
    last = semi + 1;
  }
  return out + raw.slice(last);
}

function entity(name: string): string {
  const named = NAMED_ENTITIES[name];
  if (named !== undefined) return named;
  let cp = NaN;
  if (/^#x[0-9A-Fa-f]+$/.test(name)) cp = parseInt(name.slice(2), 16);
  else if (/^#[0-9]+$/.test(name)) cp = parseInt(name.slice(1), 10);
  if (
    cp === TAB ||
    cp === LF ||
    cp === CR ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  ) {
    return String.fromCodePoint(cp);
  }
  throw new XmlError(`unknown or invalid entity &${name};`);
}

/** Excel escapes characters XML cannot carry as `_xHHHH_` (a literal `_x` is written `_x005F_x`). */
export function unescapeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * Raw text kept for a cell of maxChars: enough for every character to be written as an entity
 * or an `_xHHHH_` escape. Past it the text is cut, so that a huge cell cannot exhaust memory.
 */
function rawCap(maxChars: number): number {
  return maxChars * 12 + 12;
}

/** The decoded value of raw text that may have been cut at rawCap (never inside an entity). */
function decodeCapped(raw: string, cap: number): string {
  if (raw.length > cap) {
    raw = raw.slice(0, cap);
    const amp = raw.lastIndexOf('&');
    if (amp >= 0 && raw.indexOf(';', amp) < 0) raw = raw.slice(0, amp);
  }
  return decodeText(raw);
}

/** Text runs of an element joined, stopping once past the cap. */
function appendCapped(acc: string, piece: string, cap: number): string {
  return acc.length > cap ? acc : acc + piece;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 in the 1900 system, counting Excel's fake 29 Feb 1900) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days from 1899-12-30 to 1904-01-01, serial 0 in the 1904 system. */
const DATE1904_OFFSET = 1_462;
/** 9999-12-31, the last date Excel shows. */
const MAX_SERIAL = 2_958_465;

export function serialToDate(serial: number, date1904: boolean): Date | undefined {
  if (!(serial >= 0) || serial >= MAX_SERIAL + 1) return undefined;
  // Excel's 1900 system counts 29 Feb 1900 (serial 60), which did not exist: serials from 61
  // on are days since 1899-12-30, earlier ones days since 1899-12-31 (serial 1 = 1 Jan 1900).
  const days = date1904 ? serial + DATE1904_OFFSET : serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

/** `t="d"` cells hold ISO 8601 text; without a zone it is read as UTC like every other date here. */
function parseIsoDate(s: string): Date | undefined {
  const zoned = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(s) || !s.includes('T');
  const ms = Date.parse(zoned ? s : `${s}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

// ---------------------------------------------------------------------------------------------
// Shared strings

/** The block sizes a table starts with and grows to: small workbooks stay small. */
const FIRST_BLOCK_BYTES = 16 * 1024;
const BLOCK_BYTES = 16 * 1024 * 1024;
/** Decoded strings kept, by index: a sheet's repeated values ("HTXSNV", "Cá nhân") are decoded once. */
const CACHE_SLOTS = 4096;
/** Characters whose code is looked up by their last 13 bits (Vietnamese letters all differ there). */
const CODE_SLOTS = 0x2000;
/** More strings than uniqueCount may claim room for up front: past it the table grows as it fills. */
const MAX_RESERVE = 1 << 22;
/** Byte codes 0x80–0xFF of the one-byte form, each standing for a character as the table assigns them. */
const CODES = 128;

// How a string is held (its flags)
/** The text was typed with a VNI font, and is held converted (see fromVni). */
const F_VNI = 1;
/** All ASCII, one byte per character. */
const F_ASCII = 2;
/** One byte per UTF-16 unit: ASCII as itself, 0x80–0xFF the table's coded characters. */
const F_CODED = 4;
/** UTF-8: it has a character left without a code. */
const F_UTF8 = 8;
/** UTF-16 code units: it also has a lone surrogate, which UTF-8 cannot carry. */
const F_UTF16 = 16;
/** The string is plain (see RawValue): shown as stored, and not in a legacy encoding. */
const F_PLAIN = 32;
/** While a string is stored, not kept: it may be VNI, and is to be looked at by fromVni. */
const MAYBE_VNI = 128;

/**
 * The workbook's shared strings, held compactly and decoded when looked up. A million-row sheet
 * has millions of them; as JS strings each would cost a header and two bytes a character (for
 * Vietnamese), and, sliced from the part's text, keep whole chunks of it alive.
 *
 * Their bytes are packed in a few large blocks (a string never straddles two), each string's
 * block and end offset in typed arrays. A string is held one byte a character: ASCII as itself,
 * and each other character by a code 0x80–0xFF the table assigns it on first sight (Vietnamese
 * has 134 letters, most texts far fewer). A string with a character past the 128 codes (or a
 * surrogate) is held as UTF-8, or, with a lone surrogate, as UTF-16: every string reads back
 * exactly as it was added. For Vietnamese the one-byte form is a quarter smaller than UTF-8,
 * and decodes faster (Node's UTF-8 decoder is slow on text beyond ASCII).
 *
 * The last strings decoded are kept by index, so that a value repeated down a column is decoded
 * once and is the same string every time. VNI text is told apart here, once per string: it is
 * held converted, and flagged (isVni).
 */
export class SharedStrings {
  private blocks: Buffer[] = [];
  private block: Buffer | undefined;
  private pos = 0;
  private count = 0;
  /** Per string: its block, the offset its bytes end at in it (they start where the previous string's end, or at 0), flags. */
  private blockOf = new Uint16Array(0);
  private ends = new Uint32Array(0);
  private flags = new Uint8Array(0);
  /**
   * The one-byte form's codes: by code - 0x80, its character; by a character's last 13 bits,
   * its code (0: none yet). Of two characters alike there, the second gets no code.
   */
  private readonly codeOf = new Uint8Array(CODE_SLOTS);
  private readonly chars = new Uint16Array(CODES);
  /** By code - 0x80: 1 if its character is one cleanText removes or replaces (cleanTextTouches). */
  private readonly uncleanCode = new Uint8Array(CODES);
  private assigned = 0;
  /** Where a coded string is decoded to, as UTF-16LE bytes. */
  private scratch = Buffer.allocUnsafeSlow(512) as RawBuffer;
  /** Made at the first lookup, as large as the table needs, up to CACHE_SLOTS. */
  private cacheKeys = new Int32Array(0);
  private cacheValues: (string | undefined)[] = [];

  /** blockBytes: the largest block (one string longer than it gets a block of its own). */
  constructor(private readonly blockBytes = BLOCK_BYTES) {}

  /** A table holding these strings (converted and flagged as add does). */
  static of(strings: Iterable<string>): SharedStrings {
    const table = new SharedStrings();
    for (const s of strings) table.add(s);
    return table;
  }

  get length(): number {
    return this.count;
  }

  /** Makes room for n strings, as the part's uniqueCount announces (trusted only so far). */
  reserve(n: number): void {
    const want = Math.min(n, MAX_RESERVE);
    if (want > this.blockOf.length) this.resize(want);
  }

  /** Appends a string; VNI text is converted and flagged. */
  add(text: string): void {
    this.addRange(text, 0, text.length);
  }

  /**
   * Appends src[start, end). The scanner gives its chunk and the offsets rather than a slice:
   * reading a slice character by character costs more than reading the flat chunk it points into.
   */
  addRange(src: string, start: number, end: number): void {
    const block = this.block;
    const pos = this.pos;
    let form = this.store(src, start, end);
    if (form & MAYBE_VNI) {
      const vni = fromVni(src.slice(start, end));
      if (vni !== undefined) {
        // Held converted, in place of the text just stored.
        this.pos = this.block === block ? pos : 0;
        // Not plain: the cell is to be marked as converted.
        form = (this.store(vni, 0, vni.length) & ~F_PLAIN) | F_VNI;
      }
    }
    this.end(form & ~MAYBE_VNI);
  }

  /** Ends the string being added where pos is now, with its flags. */
  private end(flags: number): void {
    const i = this.count;
    if (i === this.blockOf.length) this.resize(Math.max(1024, Math.ceil(i * 1.5)));
    this.blockOf[i] = this.blocks.length - 1;
    this.ends[i] = this.pos;
    this.flags[i] = flags;
    this.count = i + 1;
  }

  /** Writes src[start, end) at pos, in a new block if it does not fit: the form it is held in, and MAYBE_VNI. */
  private store(src: string, start: number, end: number): number {
    const n = end - start;
    if (this.block === undefined || this.pos + n > this.block.length) this.newBlock(n);
    let form = this.encode(src, start, end);
    let bytes = n;
    if (form === 0) {
      const text = start === 0 && end === src.length ? src : src.slice(start, end);
      const utf8 = (text as unknown as WellFormed).isWellFormed();
      bytes = utf8 ? Buffer.byteLength(text, 'utf8') : 2 * n;
      if (this.pos + bytes > this.block!.length) this.newBlock(bytes);
      const block = this.block as RawBuffer;
      form = (utf8 ? F_UTF8 : F_UTF16) | MAYBE_VNI;
      bytes = utf8 ? block.utf8Write(text, this.pos) : block.ucs2Write(text, this.pos);
    }
    this.pos += bytes;
    return form;
  }

  /**
   * Writes the one-byte form of src[start, end) at pos (room for its length in bytes is there):
   * F_ASCII or F_CODED, with MAYBE_VNI if it has a letter from À on and nothing beyond Latin-1
   * (fromVni wants the one, looksLikeVni refuses the other); or 0 if a character has no code and none is left.
   */
  private encode(src: string, start: number, end: number): number {
    const block = this.block!;
    const at = this.pos - start;
    const codeOf = this.codeOf;
    let high = 0;
    let beyond = 0;
    let letters = 0;
    /** What cleanText would change: control characters, two spaces in a row, the characters cleanTextTouches. */
    let unclean = 0;
    let prev = 0;
    for (let k = start; k < end; k++) {
      const c = src.charCodeAt(k);
      if (c < 0x80) {
        block[at + k] = c;
        if (c <= 32 && (c < 32 || prev === 32)) unclean = 1;
        prev = c;
        continue;
      }
      prev = c;
      let code = codeOf[c & (CODE_SLOTS - 1)];
      if (code === 0 || this.chars[code - 0x80] !== c) {
        code = this.assign(c);
        if (code === 0) return 0;
      }
      block[at + k] = code;
      unclean |= this.uncleanCode[code - 0x80];
      high = 1;
      if (c > 0xff) beyond = 1;
      else if (c >= 0xc0) letters = 1;
    }
    return formOf(high, beyond, letters, unclean || src.charCodeAt(start) === SPACE || src.charCodeAt(end - 1) === SPACE, end > start);
  }

  /** A code for character c, which has none: 0 if none is left, its slot is another's, or c is a surrogate. */
  private assign(c: number): number {
    const slot = c & (CODE_SLOTS - 1);
    if (this.codeOf[slot] !== 0 || this.assigned === CODES || (c >= 0xd800 && c <= 0xdfff)) return 0;
    const code = 0x80 + this.assigned;
    this.codeOf[slot] = code;
    // Asked once per code (at most 128 per table), of cleanText's own definition.
    this.uncleanCode[this.assigned] = cleanTextTouches(String.fromCharCode(c)) ? 1 : 0;
    this.chars[this.assigned++] = c;
    return code;
  }

  /**
   * Appends the text of UTF-8 bytes[start, end) as add() would the decoded string, and says so;
   * or adds nothing and says false when add() would do more than encode it in the one-byte form:
   * bytes that are not UTF-8 of the Basic Multilingual Plane, an entity, CR or `_x` escape left to
   * decode, a character with no code left, or text that may be VNI. The caller then decodes the
   * bytes and adds the string. The bytes are read once; no string is made.
   */
  addUtf8(bytes: Uint8Array, start: number, end: number): boolean {
    // Never more characters than bytes.
    if (this.block === undefined || this.pos + (end - start) > this.block.length) this.newBlock(end - start);
    const block = this.block!;
    const codeOf = this.codeOf;
    let at = this.pos;
    let high = 0;
    let beyond = 0;
    let letters = 0;
    let unclean = 0;
    let prev = 0;
    for (let k = start; k < end; ) {
      const b0 = bytes[k];
      if (b0 < 0x80) {
        // '&' (an entity), CR and "_x" (an escape) are decoded by the text path.
        if (b0 === AMP || b0 === CR || (b0 === 95 && bytes[k + 1] === 120)) return false;
        block[at++] = b0;
        if (b0 <= 32 && (b0 < 32 || prev === 32)) unclean = 1;
        prev = b0;
        k++;
        continue;
      }
      let c: number;
      if (b0 >= 0xc2 && b0 < 0xe0 && k + 1 < end) {
        const b1 = bytes[k + 1];
        if ((b1 & 0xc0) !== 0x80) return false;
        c = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
        k += 2;
      } else if (b0 >= 0xe0 && b0 < 0xf0 && k + 2 < end) {
        const b1 = bytes[k + 1];
        const b2 = bytes[k + 2];
        if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return false;
        c = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
        // An overlong form is not UTF-8 (a surrogate, which is not either, gets no code).
        if (c < 0x800) return false;
        k += 3;
      } else return false;
      prev = c;
      let code = codeOf[c & (CODE_SLOTS - 1)];
      if (code === 0 || this.chars[code - 0x80] !== c) {
        code = this.assign(c);
        if (code === 0) return false;
      }
      block[at++] = code;
      unclean |= this.uncleanCode[code - 0x80];
      high = 1;
      if (c > 0xff) beyond = 1;
      else if (c >= 0xc0) letters = 1;
    }
    const form = formOf(high, beyond, letters, unclean || bytes[start] === SPACE || bytes[end - 1] === SPACE, end > start);
    // Text that may be VNI is looked at by fromVni, on the string.
    if (form & MAYBE_VNI) return false;
    this.pos = at;
    this.end(form);
    return true;
  }

  /** String i (an integer, as a cell's `<v>` reads), or undefined past the table's end. */
  get(i: number): string | undefined {
    if ((i | 0) !== i || i < 0 || i >= this.count) return undefined;
    if (this.cacheKeys.length === 0) this.makeCache();
    const slot = i & (this.cacheKeys.length - 1);
    if (this.cacheKeys[slot] === i) return this.cacheValues[slot];
    const b = this.blockOf[i];
    const start = i > 0 && this.blockOf[i - 1] === b ? this.ends[i - 1] : 0;
    const end = this.ends[i];
    const block = this.blocks[b] as RawBuffer;
    const flags = this.flags[i];
    const s =
      flags & F_ASCII
        ? block.latin1Slice(start, end)
        : flags & F_CODED
          ? this.decode(block, start, end)
          : flags & F_UTF8
            ? block.utf8Slice(start, end)
            : block.ucs2Slice(start, end);
    this.cacheKeys[slot] = i;
    this.cacheValues[slot] = s;
    return s;
  }

  /** Whether string i (one get has found) was typed with a VNI font and is held converted. */
  isVni(i: number): boolean {
    return (this.flags[i] & F_VNI) !== 0;
  }

  /** Whether string i (one get has found) is known to be plain (see RawValue); false if not known. */
  isPlain(i: number): boolean {
    return (this.flags[i] & F_PLAIN) !== 0;
  }

  /** The one-byte form in block[start, end), as a string. */
  private decode(block: Buffer, start: number, end: number): string {
    const n = end - start;
    if (this.scratch.length < 2 * n) this.scratch = Buffer.allocUnsafeSlow(4 * n) as RawBuffer;
    const out = this.scratch;
    const chars = this.chars;
    for (let k = 0; k < n; k++) {
      const b = block[start + k];
      const c = b < 0x80 ? b : chars[b - 0x80];
      out[2 * k] = c & 0xff;
      out[2 * k + 1] = c >> 8;
    }
    return out.ucs2Slice(0, 2 * n);
  }

  private makeCache(): void {
    let slots = 16;
    while (slots < CACHE_SLOTS && slots < this.count) slots *= 2;
    this.cacheKeys = new Int32Array(slots).fill(-1);
    this.cacheValues = new Array<string | undefined>(slots).fill(undefined);
  }

  private newBlock(bytes: number): void {
    if (this.blocks.length > 0xffff) throw new Error('too many shared strings');
    const prev = this.block?.length ?? 0;
    const size = Math.max(bytes, Math.min(this.blockBytes, Math.max(FIRST_BLOCK_BYTES, prev * 2)));
    this.block = Buffer.allocUnsafeSlow(size);
    this.blocks.push(this.block);
    this.pos = 0;
  }

  private resize(n: number): void {
    this.blockOf = grown(this.blockOf, n);
    this.ends = grown(this.ends, n);
    this.flags = grown(this.flags, n);
  }
}


/**
 * The one-byte form's flags for a string of these characters (see encode): F_ASCII or F_CODED,
 * MAYBE_VNI, and F_PLAIN for a non-empty string cleanText leaves as it is (nothing unclean, no
 * space at either end) that cannot be a legacy encoding.
 */
function formOf(high: number, beyond: number, letters: number, unclean: number | boolean, filled: boolean): number {
  const plain = filled && !unclean && (beyond || !high);
  return (high ? F_CODED : F_ASCII) | (letters && !beyond ? MAYBE_VNI : 0) | (plain ? F_PLAIN : 0);
}

/** A text part's encoding, from its first bytes: UTF-16 by its byte-order mark, or UTF-8 (XML parts are UTF-8 in practice, but the XML spec lets them be UTF-16). */
export function encodingOf(chunk: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
  if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** String.prototype.isWellFormed (ES2024; in Node 20). */
interface WellFormed {
  isWellFormed(): boolean;
}

/** Buffer's own coders, which write and toString call after checking their arguments (these are checked by the caller). */
interface RawBuffer extends Buffer {
  utf8Write(text: string, offset: number): number;
  ucs2Write(text: string, offset: number): number;
  utf8Slice(start: number, end: number): string;
  ucs2Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

/** Reads `<sst>`: each `<si>`'s text, a plain `<t>` or rich-text runs, phonetic `<rPh>` left out. */
export class SharedStringsScanner extends XmlScanner {
  readonly strings: SharedStrings;
  private inSi = false;
  private rPhDepth = 0;
  private raw = '';
  private readonly cap: number;

  /** Strings longer than maxChars, cut to it: the reader refuses the file rather than lose their end. */
  clipped = 0;

  constructor(
    readonly maxChars: number,
    strings = new SharedStrings(),
  ) {
    super();
    this.strings = strings;
    this.cap = rawCap(maxChars);
    this.maxToken = tokenCap(maxChars);
    this.fast = true;
  }

  /** Whether the next `<si>` would be read at the top of `<sst>`: no element or tag left open but the root. */
  atTop(): boolean {
    return this.depth === 1 && !this.inSi && this.buf.length === 0;
  }

  /**
   * The common `<si><t>text</t></si>`, read in one go when its text needs no decoding (no
   * entity, CR or `_x` escape); anything else is left to the general path (-1).
   */
  protected override fastElement(lt: number, c1: number): number {
    if (c1 !== 115 || this.inSi || this.depth === 0) return -1;
    const buf = this.buf;
    const n = buf.length;
    if (lt + 7 >= n || !buf.startsWith('si><t>', lt + 1)) return -1;
    const ts = lt + 7;
    // indexOf and the checks on the short text beat a loop over its characters.
    const te = buf.indexOf('<', ts);
    if (te < 0 || !buf.startsWith('</t></si>', te)) return -1;
    // The checks read a slice (indexOf is as fast on one); the string is stored from the chunk itself.
    const text = buf.slice(ts, te);
    if (text.length > this.maxChars || text.indexOf('&') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('_x') >= 0) {
      return -1;
    }
    this.strings.addRange(buf, ts, te);
    return te + 9;
  }

  protected open(id: number): void {
    if (id === E_SI) {
      this.inSi = true;
      this.rPhDepth = 0;
      this.raw = '';
    } else if (this.depth === 0) {
      // <sst uniqueCount="…">: room for that many strings.
      const k = this.attrIndex('uniqueCount');
      const n = k < 0 ? NaN : Number(this.attrValue(k));
      if (Number.isSafeInteger(n) && n > 0) this.strings.reserve(n);
    } else if (!this.inSi) return;
    else if (id === E_T) this.capturing = this.rPhDepth === 0;
    else if (id === E_RPH) this.rPhDepth++;
  }

  protected close(id: number): void {
    if (!this.inSi) return;
    if (id === E_T) this.capturing = false;
    else if (id === E_RPH) this.rPhDepth--;
    else if (id === E_SI) {
      this.inSi = false;
      this.capturing = false;
      const raw = this.raw;
      this.raw = '';
      const text = unescapeXstring(decodeCapped(raw, this.cap));
      if (text.length > this.maxChars) this.clipped++;
      this.strings.add(clip(text, this.maxChars));
    }
  }

  protected text(piece: string): void {
    this.raw = appendCapped(this.raw, piece, this.cap);
  }
}

const SI_T = Buffer.from('<si><t>');
const T_SI_END = Buffer.from('</t></si>');

/** Whether bytes has needle at i. */
function bytesAt(bytes: Buffer, i: number, needle: Buffer): boolean {
  if (i + needle.length > bytes.length) return false;
  for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) return false;
  return true;
}

/**
 * The shared-strings part read from its bytes. Each plain `<si><t>text</t></si>` at the top of
 * `<sst>` goes into the table straight from its UTF-8 (SharedStrings.addUtf8): decoding the part
 * to text, scanning the text and encoding each string again was most of reading the table.
 * Everything else — the prolog, rich text, phonetic runs, entities, text addUtf8 declines — is
 * decoded and read by the SharedStringsScanner, in the part's order. A part in UTF-16 is all text.
 */
export class SharedStringsReader {
  private decoder: TextDecoder | undefined;
  private utf8 = false;
  /** The start of a `<si>` the last chunk cut, read again with the next. */
  private tail: Buffer | undefined;

  constructor(readonly scanner: SharedStringsScanner) {}

  push(chunk: Buffer): void {
    if (this.decoder === undefined) {
      const encoding = encodingOf(chunk);
      this.utf8 = encoding === 'utf-8';
      this.decoder = new TextDecoder(encoding);
    }
    if (!this.utf8) return this.text(chunk, 0, chunk.length);
    const buf = this.tail === undefined ? chunk : Buffer.concat([this.tail, chunk]);
    this.tail = undefined;
    const { strings, maxChars } = this.scanner;
    let from = 0;
    let i = buf.indexOf(SI_T);
    while (i >= 0) {
      const ts = i + SI_T.length;
      const te = buf.indexOf(LT, ts);
      if (te < 0 || te + T_SI_END.length > buf.length) {
        // Text longer than the fast path reads, whatever its end: the scanner reads it, as it
        // comes. (Kept as the tail, it would be copied again with every chunk.)
        if (te < 0 && buf.length - ts > maxChars) break;
        // Cut by the chunk's end: the text before it is read, the rest waits for the next chunk
        // (a '<' ends no character, so the decoder holds nothing back).
        this.text(buf, from, i);
        this.tail = Buffer.from(buf.subarray(i));
        return;
      }
      let next = te;
      if (te - ts <= maxChars && bytesAt(buf, te, T_SI_END)) {
        this.text(buf, from, i);
        from = i;
        if (this.scanner.atTop() && strings.addUtf8(buf, ts, te)) {
          from = next = te + T_SI_END.length;
          // Strings follow one another: the next is most often right here.
          if (bytesAt(buf, from, SI_T)) {
            i = from;
            continue;
          }
        }
      }
      i = buf.indexOf(SI_T, next);
    }
    this.text(buf, from, buf.length);
  }

  finish(): void {
    if (this.tail !== undefined) this.text(this.tail, 0, this.tail.length);
    const rest = this.decoder?.decode();
    if (rest) this.scanner.push(rest);
    this.scanner.finish();
  }

  private text(bytes: Buffer, start: number, end: number): void {
    if (end > start) this.scanner.push(this.decoder!.decode(bytes.subarray(start, end), { stream: true }));
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Plain shared-string cells kept for reuse (see SheetScanner.plainCells); a power of two. */
const PLAIN_CELL_SLOTS = 1024;

/** The longest cell the fast path reads; the general path takes the rest. */
const FAST_CELL_CHARS = 256;

// Cell types (the `t` attribute)
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_B = 4;
const T_E = 5;
const T_D = 6;

/** Reads a worksheet's `<sheetData>`: each non-empty row, completed rows collected in `rows`. */
export class SheetScanner extends XmlScanner {
  /** Rows completed so far: the caller takes them after each push. */
  rows: RawRow[] = [];
  private readonly sst: SharedStrings;
  private readonly xfKinds: (NumberKind | undefined)[];
  private readonly date1904: boolean;
  private readonly max: number;
  private readonly cap: number;
  /** Cells longer than maxCellChars, cut to it: the reader refuses the sheet rather than lose their end. */
  clipped = 0;

  private inSheetData = false;
  private prevRow = 0;
  // The open row
  private inRow = false;
  private rowNum = 0;
  private rowHidden = false;
  /** How many characters the open row's r attribute has. */
  private rowDigits = 0;
  private cells: RawCell[] = [];
  private lastCol = 0;
  private ordered = true;
  // The open cell
  private inCell = false;
  private col = 0;
  private type = T_N;
  private style = 0;
  private formula = false;
  /** Raw text of the cell's `<v>`, or undefined if it has none. */
  private v: string | undefined = undefined;
  private inV = false;
  // Its `<is>`, if any
  private inIs = false;
  private inT = false;
  private rPhDepth = 0;
  private inline: string | undefined = undefined;
  /**
   * The last plain shared-string cells made, by string and column: a value repeated down a
   * column ("Cá nhân", "HTXSNV", "Có") is one cell object for every row, not one per row.
   * Cells are never changed once read (a copy is made to fill or convert one), so rows may share them.
   */
  private readonly plainKeys = new Int32Array(PLAIN_CELL_SLOTS).fill(-1);
  private readonly plainCells: (PlainText | undefined)[] = new Array<PlainText | undefined>(PLAIN_CELL_SLOTS).fill(undefined);

  constructor(ctx: SheetContext) {
    super();
    this.sst = ctx.sst;
    this.xfKinds = ctx.xfKinds;
    this.date1904 = ctx.date1904;
    this.max = ctx.maxCellChars;
    this.cap = rawCap(ctx.maxCellChars);
    this.maxToken = tokenCap(ctx.maxCellChars);
    this.fast = true;
  }

  /** Takes the rows completed so far. */
  take(): RawRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  protected open(id: number): void {
    if (!this.inSheetData) {
      if (id === E_SHEETDATA) this.inSheetData = true;
      return;
    }
    if (this.inCell) {
      if (this.inIs) {
        if (id === E_T) {
          if (this.rPhDepth === 0) {
            this.inT = true;
            this.capturing = true;
          }
        } else if (id === E_RPH) this.rPhDepth++;
      } else if (id === E_V) {
        this.inV = true;
        this.capturing = true;
        if (this.v === undefined) this.v = '';
      } else if (id === E_F) this.formula = true;
      else if (id === E_IS) {
        this.inIs = true;
        this.inT = false;
        this.rPhDepth = 0;
        this.inline = '';
      }
    } else if (id === E_C) {
      if (this.inRow) this.openCell();
    } else if (id === E_ROW) this.openRow();
  }

  protected close(id: number): void {
    if (!this.inSheetData) return;
    if (this.inIs) {
      if (id === E_IS) {
        this.inIs = false;
        this.capturing = false;
      } else if (id === E_T) {
        this.inT = false;
        this.capturing = false;
      } else if (id === E_RPH) this.rPhDepth--;
    } else if (id === E_V) {
      this.inV = false;
      this.capturing = false;
    } else if (id === E_C) {
      if (this.inCell) this.closeCell();
    } else if (id === E_ROW) {
      if (this.inRow) this.closeRow();
    } else if (id === E_SHEETDATA) this.inSheetData = false;
  }

  protected text(piece: string): void {
    if (this.inIs) {
      if (this.inT) this.inline = appendCapped(this.inline!, piece, this.cap);
    } else if (this.inV) this.v = this.v === '' ? piece : appendCapped(this.v!, piece, this.cap);
  }

  private openRow(): void {
    const buf = this.buf;
    let row = 0;
    let hidden = false;
    this.rowDigits = 0;
    for (let k = 0; k < this.attrCount; k++) {
      const ns = this.nameStart[k];
      const len = this.nameEnd[k] - ns;
      if (len === 1 && buf.charCodeAt(ns) === 114) {
        this.rowDigits = this.valEnd[k] - this.valStart[k];
        // r: parseInt's reading, by character code when the value is plain digits.
        const vs = this.valStart[k];
        const ve = this.valEnd[k];
        let i = vs;
        let c = buf.charCodeAt(i);
        while (i < ve && c >= 48 && c <= 57) {
          row = row * 10 + (c - 48);
          c = buf.charCodeAt(++i);
        }
        if (i === vs || (i < ve && c !== SPACE)) row = Number.parseInt(this.attrValue(k), 10);
      } else if (len === 6 && buf.startsWith('hidden', ns)) {
        const v = this.attrValue(k);
        hidden = v === '1' || v === 'true';
      }
    }
    this.startRow(row, hidden, this.rowDigits);
  }

  /** A row opens: numbered row (or the one after the last, without a number), its r that many characters long. */
  private startRow(row: number, hidden: boolean, digits: number): void {
    this.rowDigits = digits;
    this.rowNum = Number.isFinite(row) && row > 0 ? row : this.prevRow + 1;
    this.prevRow = this.rowNum;
    this.rowHidden = hidden;
    this.inRow = true;
    this.cells = [];
    this.lastCol = 0;
    this.ordered = true;
  }

  private closeRow(): void {
    this.inRow = false;
    const cells = this.cells;
    if (cells.length === 0) return;
    if (!this.ordered) cells.sort((a, b) => a.col - b.col);
    this.rows.push(this.rowHidden ? { row: this.rowNum, cells, hidden: true } : { row: this.rowNum, cells });
  }

  private openCell(): void {
    const buf = this.buf;
    let col = 0;
    let type = T_N;
    let style = 0;
    for (let k = 0; k < this.attrCount; k++) {
      const ns = this.nameStart[k];
      if (this.nameEnd[k] - ns !== 1) continue;
      const name = buf.charCodeAt(ns);
      const vs = this.valStart[k];
      const ve = this.valEnd[k];
      if (name === 114) {
        // r: the leading column letters
        let i = vs;
        let c = buf.charCodeAt(i);
        for (; i < ve; c = buf.charCodeAt(++i)) {
          if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
          else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
          else break;
        }
        if (i < ve && c === AMP) col = letterColumn(this.attrValue(k));
      } else if (name === 115) {
        // s: the style index
        let i = vs;
        let c = buf.charCodeAt(i);
        while (i < ve && c >= 48 && c <= 57) {
          style = style * 10 + (c - 48);
          c = buf.charCodeAt(++i);
        }
        if (i < ve) style = Number(this.attrValue(k));
      } else if (name === 116) {
        type = cellType(buf, vs, ve);
        if (type < 0) type = cellTypeOf(this.attrValue(k));
      }
    }
    if (col === 0) col = this.lastCol + 1;
    if (col <= this.lastCol) this.ordered = false;
    this.lastCol = col;
    this.col = col;
    this.type = type;
    this.style = style;
    this.formula = false;
    this.v = undefined;
    this.inline = undefined;
    this.inIs = false;
    this.inV = false;
    this.inCell = true;
  }

  /**
   * The common cell `<c r="B4" s="1" t="s"><v>17</v></c>` or `<c r="B4" s="1"/>`, read in one
   * go when it has exactly that shape: no prefix, no white space but single spaces between
   * attributes, double-quoted values without entities, a `<v>` of plain text. Anything else,
   * including a cell cut off by the end of the chunk, is left to the general path (-1), which
   * reads it from the same offset: nothing is changed before the shape is known.
   */
  protected override fastElement(lt: number, c1: number): number {
    if (c1 === 114) return this.fastRow(lt);
    if (c1 !== 99 || !this.inRow || this.inCell) return -1;
    const buf = this.buf;
    // Every read below stays under lim + 8 < buf.length (see charAt); a longer cell takes the general path.
    if (lt + FAST_CELL_CHARS + 8 >= buf.length) return -1;
    const lim = lt + FAST_CELL_CHARS;
    let i = lt + 2;
    let c = buf.charCodeAt(i);
    if (c !== SPACE) return -1;
    let col = 0;
    let type = T_N;
    let style = 0;
    for (;;) {
      while (c === SPACE && i < lim) c = buf.charCodeAt(++i);
      if (c === GT || c === SLASH) break;
      // The attribute's name: r, s and t are one letter.
      let named = 0;
      if (buf.charCodeAt(i + 1) === EQ) {
        named = c;
        i++;
      } else {
        while (c !== EQ) {
          if (c === SPACE || c === GT || c === SLASH || c === LT || i >= lim) return -1;
          c = buf.charCodeAt(++i);
        }
      }
      if (buf.charCodeAt(i + 1) !== DQUOTE) return -1;
      const vs = i + 2;
      let j = vs;
      c = buf.charCodeAt(j);
      if (named === 114) {
        // r: upper-case column letters, then the row number, which is not read (as by the
        // general path): most likely it is the row's own, as long as the row's r attribute.
        while (c >= 65 && c <= 90 && j < lim) {
          col = col * 26 + (c - 64);
          c = buf.charCodeAt(++j);
        }
        const skip = j + this.rowDigits;
        if (skip < lim && buf.charCodeAt(skip) === DQUOTE) {
          j = skip;
          c = DQUOTE;
        } else {
          while (c >= 48 && c <= 57 && j < lim) c = buf.charCodeAt(++j);
        }
      } else if (named === 115) {
        // s: the style index
        while (c >= 48 && c <= 57 && j < lim) {
          style = style * 10 + (c - 48);
          c = buf.charCodeAt(++j);
        }
      } else {
        while (c !== DQUOTE && c !== LT && c !== AMP && j < lim) c = buf.charCodeAt(++j);
        if (named === 116 && c === DQUOTE) type = cellType(buf, vs, j);
      }
      if (c !== DQUOTE || j >= lim) return -1;
      c = buf.charCodeAt(++j);
      i = j;
      if (c !== SPACE && c !== GT && c !== SLASH) return -1;
    }
    let end: number;
    let ts = 0;
    let te = 0;
    let digits = false;
    let num = 0;
    if (c === SLASH) {
      if (buf.charCodeAt(i + 1) !== GT) return -1;
      end = i + 2;
    } else {
      // `><v>text</v></c>`
      if (buf.charCodeAt(i + 1) !== LT || buf.charCodeAt(i + 2) !== 118 || buf.charCodeAt(i + 3) !== GT) return -1;
      ts = i + 4;
      let j = ts;
      c = buf.charCodeAt(j);
      // A plain decimal number: an optional '-', digits, an optional fraction.
      const negative = c === 45;
      if (negative) c = buf.charCodeAt(++j);
      const ds = j;
      while (c >= 48 && c <= 57 && j < lim) {
        num = num * 10 + (c - 48);
        c = buf.charCodeAt(++j);
      }
      let count = j - ds;
      let fraction = 0;
      if (c === 46) {
        c = buf.charCodeAt(++j);
        const fs = j;
        while (c >= 48 && c <= 57 && j < lim) {
          num = num * 10 + (c - 48);
          c = buf.charCodeAt(++j);
        }
        fraction = j - fs;
        count += fraction;
      }
      // With at most 15 digits the mantissa and the power of ten are exact doubles, so one
      // division rounds correctly: the number Number() reads. Anything else goes through Number().
      digits = c === LT && count > 0 && count <= 15;
      if (digits) {
        if (fraction > 0) num /= POWERS_OF_TEN[fraction];
        if (negative) num = -num;
      }
      while (c !== LT) {
        if (c === AMP || c === CR || j >= lim) return -1;
        c = buf.charCodeAt(++j);
      }
      te = j;
      if (
        buf.charCodeAt(j + 1) !== SLASH ||
        buf.charCodeAt(j + 2) !== 118 ||
        buf.charCodeAt(j + 3) !== GT ||
        buf.charCodeAt(j + 4) !== LT ||
        buf.charCodeAt(j + 5) !== SLASH ||
        buf.charCodeAt(j + 6) !== 99 ||
        buf.charCodeAt(j + 7) !== GT
      ) {
        return -1;
      }
      end = j + 8;
    }
    // The shape is known: the cell is read.
    if (col === 0) col = this.lastCol + 1;
    if (col <= this.lastCol) this.ordered = false;
    this.lastCol = col;
    if (te === ts) return end;
    let cell: RawCell | undefined;
    if (digits && type === T_S) cell = this.sharedCell(col, num, false);
    else if (digits && type === T_N) cell = this.numberCell(col, num, style);
    else {
      this.col = col;
      this.type = type;
      this.style = style;
      this.formula = false;
      this.v = buf.slice(ts, te);
      this.inline = undefined;
      cell = this.cellValue();
    }
    if (cell !== undefined) this.cells.push(cell);
    return end;
  }

  /**
   * The common row start tag `<row r="5" spans="1:15" x14ac:dyDescent="0.25">`, read in one go
   * when it has that shape: no prefix, single spaces before attributes, double-quoted values
   * without entities, an r of plain digits. Anything else, including a tag cut off by the end of
   * the chunk and an empty row closed in its own tag, is left to the general path (-1), which
   * reads it from the same offset: nothing is changed before the shape is known.
   */
  private fastRow(lt: number): number {
    if (!this.inSheetData || this.inRow || this.inCell) return -1;
    const buf = this.buf;
    const n = buf.length;
    if (charAt(buf, lt + 2, n) !== 111 || charAt(buf, lt + 3, n) !== 119) return -1;
    let i = lt + 4;
    let c = charAt(buf, i, n);
    let row = 0;
    let digits = 0;
    let hidden = false;
    while (c === SPACE) {
      const ns = i + 1;
      c = charAt(buf, ++i, n);
      while (c !== EQ) {
        if (c < 0 || c === SPACE || c === GT || c === SLASH || c === LT || c === DQUOTE || c === SQUOTE) return -1;
        c = charAt(buf, ++i, n);
      }
      const ne = i;
      if (ne === ns || charAt(buf, i + 1, n) !== DQUOTE) return -1;
      const vs = i + 2;
      let j = vs;
      c = charAt(buf, j, n);
      while (c !== DQUOTE) {
        if (c < 0 || c === LT || c === AMP) return -1;
        c = charAt(buf, ++j, n);
      }
      if (ne - ns === 1 && buf.charCodeAt(ns) === 114) {
        // r: plain digits (the last r, as the general path takes it).
        if (j === vs) return -1;
        row = 0;
        for (let k = vs; k < j; k++) {
          const d = buf.charCodeAt(k);
          if (d < 48 || d > 57) return -1;
          row = row * 10 + (d - 48);
        }
        digits = j - vs;
      } else if (ne - ns === 6 && buf.startsWith('hidden', ns)) {
        hidden = (j - vs === 1 && buf.charCodeAt(vs) === 49) || (j - vs === 4 && buf.startsWith('true', vs));
      }
      i = j + 1;
      c = charAt(buf, i, n);
    }
    if (c !== GT) return -1;
    this.startRow(row, hidden, digits);
    this.enter(E_ROW);
    return i + 1;
  }

  /** A number cell under a style that may show it as a date or a percentage. */
  private numberCell(col: number, n: number, style: number): RawCell {
    const kind = this.xfKinds[style];
    if (kind === 'date') {
      const date = serialToDate(n, this.date1904);
      if (date) return { col, t: 'd', v: date };
    } else if (kind === 'percent') return { col, t: 'n', v: n, percent: true };
    return { col, t: 'n', v: n };
  }

  private closeCell(): void {
    this.inCell = false;
    this.inV = false;
    this.inIs = false;
    this.capturing = false;
    const value = this.cellValue();
    if (value !== undefined) this.cells.push(value);
  }

  /** A text cell; VNI text converted and marked. */
  private textCell(text: string | undefined): RawCell | undefined {
    if (!text) return undefined;
    const s = ownString(text);
    const vni = fromVni(s);
    return vni === undefined ? stringCell(this.col, this.formula, s, false) : stringCell(this.col, this.formula, vni, true);
  }

  /** A `t="s"` cell: shared string `index`, converted and marked once if VNI (see SharedStrings). */
  private sharedCell(col: number, index: number, formula: boolean): RawCell | undefined {
    const slot = (index * 31 + col) & (PLAIN_CELL_SLOTS - 1);
    // -1 marks an empty slot, and a damaged file can give it as an index (`<v>-1</v>`): such an
    // index finds no string in the table below, like any other past its end.
    if (!formula && this.plainKeys[slot] === index && index >= 0) {
      const cached = this.plainCells[slot]!;
      if (cached.col === col) return cached;
    }
    const s = this.sst.get(index);
    if (!s) return undefined;
    if (formula || !this.sst.isPlain(index)) return stringCell(col, formula, s, this.sst.isVni(index));
    const cell = new PlainText(col, s);
    this.plainKeys[slot] = index;
    this.plainCells[slot] = cell;
    return cell;
  }

  /** The cell's value, or undefined for an empty cell (including a formula with no cached result). */
  private cellValue(): RawCell | undefined {
    const v = this.v;
    const col = this.col;
    switch (this.type) {
      case T_S: {
        if (v === undefined || v === '') return undefined;
        let index = 0;
        for (let i = 0; i < v.length; i++) {
          const c = v.charCodeAt(i);
          if (c < 48 || c > 57) {
            index = Number(decodeText(v));
            break;
          }
          index = index * 10 + (c - 48);
        }
        return this.sharedCell(col, index, this.formula);
      }
      case T_INLINE:
        return this.textCell(
          this.inline !== undefined ? this.decodeString(this.inline) : v === undefined ? undefined : this.decodeString(v),
        );
      case T_STR:
        return this.textCell(v === undefined ? undefined : this.decodeString(v));
      case T_B: {
        if (v === undefined || v === '') return undefined;
        const s = decodeText(v).trim().toLowerCase();
        const b = s === '1' || s === 'true';
        return this.formula ? { col, formula: true, t: 'b', v: b } : { col, t: 'b', v: b };
      }
      case T_E: {
        if (v === undefined || v === '') return undefined;
        const e = decodeCapped(v, this.cap);
        return this.formula ? { col, formula: true, t: 'e', v: e } : { col, t: 'e', v: e };
      }
      case T_D: {
        if (v === undefined || v === '') return undefined;
        const s = decodeCapped(v, this.cap);
        const date = parseIsoDate(s.trim());
        if (!date) return this.textCell(this.keep(s));
        return this.formula ? { col, formula: true, t: 'd', v: date } : { col, t: 'd', v: date };
      }
      default: {
        if (v === undefined) return undefined;
        const s = v.indexOf('&') < 0 && v.indexOf('\r') < 0 ? v : decodeCapped(v, this.cap);
        const n = Number(s);
        if (n === 0 || !Number.isFinite(n)) {
          // Number() reads blank text as 0: a blank value is an empty cell.
          if (s.trim() === '') return undefined;
          if (n !== 0) return this.textCell(this.keep(s));
        }
        const kind = this.xfKinds[this.style];
        if (kind === 'date') {
          const date = serialToDate(n, this.date1904);
          if (date) return this.formula ? { col, formula: true, t: 'd', v: date } : { col, t: 'd', v: date };
        } else if (kind === 'percent') {
          return this.formula ? { col, formula: true, t: 'n', v: n, percent: true } : { col, t: 'n', v: n, percent: true };
        }
        return this.formula ? { col, formula: true, t: 'n', v: n } : { col, t: 'n', v: n };
      }
    }
  }

  private decodeString(raw: string): string {
    return this.keep(unescapeXstring(decodeCapped(raw, this.cap)));
  }

  /** The text cut to maxCellChars, counting the cells that were. */
  private keep(s: string): string {
    if (s.length > this.max) this.clipped++;
    return clip(s, this.max);
  }
}

function stringCell(col: number, formula: boolean, v: string, vni: boolean): RawCell {
  if (vni) return formula ? { col, formula: true, t: 's', v, legacy: 'vni' } : { col, t: 's', v, legacy: 'vni' };
  return formula ? { col, formula: true, t: 's', v } : { col, t: 's', v };
}

/** The column of a cell reference's leading letters ('AB12' → 28), or 0 if it has none. */
function letterColumn(ref: string): number {
  const letters = /^[A-Za-z]+/.exec(ref)?.[0];
  return letters ? columnIndex(letters.toUpperCase()) : 0;
}

/** The cell type of the attribute value buf[vs, ve), or -1 if it needs decoding first. */
function cellType(buf: string, vs: number, ve: number): number {
  const len = ve - vs;
  const c0 = buf.charCodeAt(vs);
  if (len === 1) {
    switch (c0) {
      case 115:
        return T_S;
      case 110:
        return T_N;
      case 98:
        return T_B;
      case 101:
        return T_E;
      case 100:
        return T_D;
    }
  } else if (len === 3 && buf.startsWith('str', vs)) return T_STR;
  else if (len === 9 && buf.startsWith('inlineStr', vs)) return T_INLINE;
  for (let i = vs; i < ve; i++) if (buf.charCodeAt(i) === AMP) return -1;
  return T_N;
}

function cellTypeOf(t: string): number {
  switch (t) {
    case 's':
      return T_S;
    case 'str':
      return T_STR;
    case 'inlineStr':
      return T_INLINE;
    case 'b':
      return T_B;
    case 'e':
      return T_E;
    case 'd':
      return T_D;
    default:
      return T_N;
  }
}
