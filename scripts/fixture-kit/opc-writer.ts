/**
 * Packages written part by part, the way Excel and LibreOffice save them: the fidelity fixtures
 * need what exceljs cannot write (threaded comments, charts kept as written, custom XML, printer
 * settings), so every part is XML text (or bytes) the fixture states, related and typed here.
 */
import path from 'node:path';
import { EXCEL_DOS_DATE, writeZip, type ZipPart } from './zip.js';

/** Which program the package looks saved by: the prolog, booleans and small habits differ. */
export type Flavour = 'excel' | 'libreoffice';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  x14ac: 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac',
  xr: 'http://schemas.microsoft.com/office/spreadsheetml/2014/revision',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  threaded: 'http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments',
} as const;

const OD = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = {
  officeDocument: `${OD}/officeDocument`,
  coreProps: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  appProps: `${OD}/extended-properties`,
  customProps: `${OD}/custom-properties`,
  worksheet: `${OD}/worksheet`,
  styles: `${OD}/styles`,
  theme: `${OD}/theme`,
  sharedStrings: `${OD}/sharedStrings`,
  comments: `${OD}/comments`,
  vmlDrawing: `${OD}/vmlDrawing`,
  drawing: `${OD}/drawing`,
  chart: `${OD}/chart`,
  image: `${OD}/image`,
  printerSettings: `${OD}/printerSettings`,
  customXml: `${OD}/customXml`,
  customXmlProps: `${OD}/customXmlProps`,
  threadedComment: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
  person: 'http://schemas.microsoft.com/office/2017/10/relationships/person',
} as const;

const OX = 'application/vnd.openxmlformats-officedocument';
export const CT = {
  workbook: `${OX}.spreadsheetml.sheet.main+xml`,
  worksheet: `${OX}.spreadsheetml.worksheet+xml`,
  styles: `${OX}.spreadsheetml.styles+xml`,
  theme: `${OX}.theme+xml`,
  sharedStrings: `${OX}.spreadsheetml.sharedStrings+xml`,
  comments: `${OX}.spreadsheetml.comments+xml`,
  drawing: `${OX}.drawing+xml`,
  chart: `${OX}.drawingml.chart+xml`,
  coreProps: 'application/vnd.openxmlformats-package.core-properties+xml',
  appProps: `${OX}.extended-properties+xml`,
  customProps: `${OX}.custom-properties+xml`,
  customXmlProps: `${OX}.customXmlProperties+xml`,
  threadedComments: 'application/vnd.ms-excel.threadedcomments+xml',
  persons: 'application/vnd.ms-excel.person+xml',
} as const;

/** The content types of extensions, written as Defaults (Excel types .vml, .png and .bin so). */
const DEFAULTS: Record<string, string> = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  vml: `${OX}.vmlDrawing`,
  png: 'image/png',
  bin: `${OX}.spreadsheetml.printerSettings`,
};

/** Text for XML: the five characters markup could mistake. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

/** A package being written: parts in the order added, each rels part right after its source. */
export class PackageWriter {
  private readonly parts: { name: string; data: Buffer; type?: string }[] = [];
  private readonly rels = new Map<string, Rel[]>();

  constructor(readonly flavour: Flavour) {}

  /** Excel ends its prolog with CRLF and says standalone; LibreOffice with a bare LF. */
  xml(body: string): string {
    return this.flavour === 'excel' ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${body}` : `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  }

  /** A boolean attribute as the flavour writes it. */
  bool(b: boolean): string {
    return this.flavour === 'excel' ? (b ? '1' : '0') : String(b);
  }

  /** Adds a part; `type` for an Override (else its extension's Default types it). */
  add(name: string, data: string | Buffer, type?: string): void {
    if (this.parts.some((p) => p.name === name)) throw new Error(`part ${name} added twice`);
    this.parts.push({ name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data, type });
  }

  /** Relates `to` from `from` ('' for the package); returns the relationship's id. */
  relate(from: string, type: string, to: string): string {
    const list = this.rels.get(from) ?? [];
    this.rels.set(from, list);
    const id = `rId${list.length + 1}`;
    list.push({ id, type, target: path.posix.relative(path.posix.dirname(`/${from}`), `/${to}`) });
    return id;
  }

  private relsPart(from: string): ZipPart | undefined {
    const list = this.rels.get(from);
    if (!list) return undefined;
    const name = from === '' ? '_rels/.rels' : `${path.posix.dirname(from)}/_rels/${path.posix.basename(from)}.rels`;
    const body = list.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`).join('');
    return { name, data: Buffer.from(this.xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`)) };
  }

  private contentTypes(): ZipPart {
    const exts = new Set(['rels', 'xml', ...this.parts.filter((p) => !p.type).map((p) => path.posix.extname(p.name).slice(1))]);
    const defaults = [...exts].map((e) => {
      if (!DEFAULTS[e]) throw new Error(`no content type for .${e}`);
      return `<Default Extension="${e}" ContentType="${DEFAULTS[e]}"/>`;
    });
    const overrides = this.parts.filter((p) => p.type).map((p) => `<Override PartName="/${esc(p.name)}" ContentType="${p.type}"/>`);
    const body = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join('')}${overrides.join('')}</Types>`;
    return { name: '[Content_Types].xml', data: Buffer.from(this.xml(body)) };
  }

  /** The zip, every entry stamped as Excel stamps it (so the bytes are the same on every run). */
  toZip(): Buffer {
    const out: ZipPart[] = [this.contentTypes()];
    const root = this.relsPart('');
    if (root) out.push(root);
    for (const p of this.parts) {
      out.push({ name: p.name, data: p.data });
      const rels = this.relsPart(p.name);
      if (rels) out.push(rels);
    }
    return writeZip(out, EXCEL_DOS_DATE);
  }
}
