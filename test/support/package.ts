/**
 * A workbook seen as its package, for the fidelity tests: its parts by name, each parsed as strict
 * XML (saxes with namespaces: anything not well-formed is an error, never a guess), and what the
 * tests compare — a sheet's cells, rows and other elements, notes, relationships, content types.
 */
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { readZip } from '../../scripts/fixture-kit/zip.js';
import { columnLetter } from '../../src/read/types.js';

export type Parts = Map<string, Buffer>;

/**
 * The parts of a zip by name; a name held twice is an error (a Map would keep one silently). A
 * folder's own entry ("xl/", which some zip writers add) is no part and is passed over.
 */
export function readPackage(zip: Buffer): Parts {
  const parts: Parts = new Map();
  for (const p of readZip(zip)) {
    if (p.name.endsWith('/') && p.data.length === 0) continue;
    if (parts.has(p.name)) throw new Error(`part ${p.name} held twice`);
    parts.set(p.name, p.data);
  }
  return parts;
}

export interface XmlNode {
  /** The qualified name, as written (`c`, `x:ClientData`). */
  name: string;
  attrs: Record<string, string>;
  children: (XmlNode | string)[];
}

/** A part parsed strictly: throws, naming the part, on anything not well-formed. */
export function parseXml(data: Buffer | string, part: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true, fileName: part });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [name, a] of Object.entries(tag.attributes)) attrs[name] = a.value;
    const node: XmlNode = { name: tag.name, attrs, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  const text = (t: string) => {
    if (stack.length) stack[stack.length - 1].children.push(t);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.write(typeof data === 'string' ? data : data.toString('utf8')).close();
  if (!root) throw new Error(`${part}: no root element`);
  return root;
}

export const elements = (n: XmlNode, name?: string): XmlNode[] => n.children.filter((c): c is XmlNode => typeof c !== 'string' && (name === undefined || c.name === name));
export const child = (n: XmlNode, name: string): XmlNode | undefined => elements(n, name)[0];
/** Every text under the node, in order. */
export const textOf = (n: XmlNode): string => n.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;');

/**
 * The node as canonical XML: attributes sorted, text escaped one way, so that two writers of the
 * same content compare equal. `attr` may rewrite an attribute's value (a relationship id as the
 * part it points at) or drop it (undefined).
 */
export function canonical(n: XmlNode, attr: (name: string, value: string) => string | undefined = (_, v) => v): string {
  const attrs = Object.keys(n.attrs)
    .sort()
    .flatMap((k) => {
      const v = attr(k, n.attrs[k]);
      return v === undefined ? [] : [` ${k}="${escAttr(v)}"`];
    });
  const inner = n.children.map((c) => (typeof c === 'string' ? escText(c) : canonical(c, attr))).join('');
  return `<${n.name}${attrs.join('')}>${inner}</${n.name}>`;
}

// ---------------------------------------------------------------------------------------------
// Relationships and content types

export interface Relationship {
  type: string;
  /** The part it points at (resolved against its source), or the target as written when external. */
  target: string;
  external: boolean;
}

/** Where a source part's relationships are kept. */
export const relsName = (source: string): string => (source === '' ? '_rels/.rels' : `${path.posix.dirname(source)}/_rels/${path.posix.basename(source)}.rels`);

/** The part a relationships part belongs to ('' for the package's own). */
export function relsSource(relsPart: string): string | undefined {
  if (relsPart === '_rels/.rels') return '';
  const m = /^(.*?)_rels\/(.+)\.rels$/.exec(relsPart);
  return m ? `${m[1]}${m[2]}` : undefined;
}

/** A source part's relationships by id (none when it has no rels part). */
export function relationships(parts: Parts, source: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const data = parts.get(relsName(source));
  if (!data) return out;
  for (const r of elements(parseXml(data, relsName(source)), 'Relationship')) {
    const external = r.attrs.TargetMode === 'External';
    const t = r.attrs.Target;
    const target = external ? t : t.startsWith('/') ? t.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(`/${source}`), t)).slice(1);
    out.set(r.attrs.Id, { type: r.attrs.Type, target, external });
  }
  return out;
}

/** Each part's content type, by its Override or its extension's Default. */
export function contentTypes(parts: Parts): (part: string) => string | undefined {
  const types = parseXml(parts.get('[Content_Types].xml')!, '[Content_Types].xml');
  const defaults = new Map(elements(types, 'Default').map((d) => [d.attrs.Extension.toLowerCase(), d.attrs.ContentType]));
  const overrides = new Map(elements(types, 'Override').map((o) => [o.attrs.PartName.replace(/^\//, '').toLowerCase(), o.attrs.ContentType]));
  return (part) => overrides.get(part.toLowerCase()) ?? defaults.get(path.posix.extname(part).slice(1).toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// The workbook and its sheets

export const WORKBOOK = 'xl/workbook.xml';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const REL_VML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';

export interface SheetEntry {
  name: string;
  /** visible, hidden or veryHidden. */
  state: string;
  /** The worksheet part. */
  part: string;
}

export function workbookSheets(parts: Parts): SheetEntry[] {
  const rels = relationships(parts, WORKBOOK);
  const sheets = child(parseXml(parts.get(WORKBOOK)!, WORKBOOK), 'sheets')!;
  return elements(sheets, 'sheet').map((s) => ({ name: s.attrs.name, state: s.attrs.state ?? 'visible', part: rels.get(s.attrs['r:id'])!.target }));
}

export interface CellXml {
  /** The style index (0 when the cell has none). */
  s: number;
  /** The cell less its address and style: its type, formula, value or inline text, canonical. */
  value: string;
}

export const sheetData = (sheet: XmlNode): XmlNode => child(sheet, 'sheetData')!;

/** A worksheet's cells by address. */
export function sheetCells(sheet: XmlNode): Map<string, CellXml> {
  const out = new Map<string, CellXml>();
  for (const row of elements(sheetData(sheet), 'row')) {
    for (const c of elements(row, 'c')) {
      out.set(c.attrs.r, { s: Number(c.attrs.s ?? 0), value: canonical({ ...c, attrs: Object.fromEntries(Object.entries(c.attrs).filter(([k]) => k !== 'r' && k !== 's')) }) });
    }
  }
  return out;
}

export interface NoteXml {
  author: string;
  text: string;
}

/** The notes of a comments part by cell (a threaded comment's placeholder is one). */
export function notesOf(comments: XmlNode): Map<string, NoteXml> {
  const authors = elements(child(comments, 'authors')!, 'author').map(textOf);
  const out = new Map<string, NoteXml>();
  for (const c of elements(child(comments, 'commentList')!, 'comment')) {
    const text = child(c, 'text')!;
    // The note's text is its runs' (<r><t>) or its one <t>; phonetic runs (<rPh>) are not shown.
    const shown = elements(text).filter((e) => e.name === 't' || e.name === 'r');
    out.set(c.attrs.ref, { author: authors[Number(c.attrs.authorId)], text: shown.map((e) => (e.name === 't' ? textOf(e) : textOf(child(e, 't')!))).join('') });
  }
  return out;
}

/** The cells a VML drawing has a note's shape for (rows and columns in it count from 0). */
export function noteShapes(vml: XmlNode): Set<string> {
  const out = new Set<string>();
  const walk = (n: XmlNode) => {
    if (n.name === 'x:ClientData' && n.attrs.ObjectType === 'Note') {
      const row = Number(textOf(child(n, 'x:Row')!));
      const col = Number(textOf(child(n, 'x:Column')!));
      out.add(`${columnLetter(col + 1)}${row + 1}`);
    }
    elements(n).forEach(walk);
  };
  walk(vml);
  return out;
}
