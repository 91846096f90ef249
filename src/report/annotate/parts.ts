/**
 * The small parts that tie a package together, read and edited for the copy: the content types,
 * relationships, the workbook's list of sheets, and the document properties that carry hoso's
 * mark. Each edit adds what the copy adds and leaves every other character as the input has it.
 */
import { escapeXml } from '../../format/xml-text.js';
import { MARK_APPLICATION, MARK_PROPERTY, markProperty, NS_VT, type OutputKind } from '../../write/mark.js';
import { attr, closing, decodeAttribute, EMPTY, END, opened, pass, START, type Editor, type Tag, type TagStream } from './tags.js';
import { resolveTarget } from './package.js';
import { NS_REL } from '../../write/sheet-xml.js';

const NS_PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface Rel {
  id: string;
  type: string;
  /** The target as a part name (for an internal one), or as written (an external one). */
  target: string;
  external: boolean;
}

/** A relationships part's relationships; targets resolved against the source part's folder. */
export async function readRels(text: AsyncIterable<string>, baseDir: string, maxToken: number): Promise<Rel[]> {
  const rels: Rel[] = [];
  const handler = (tag: Tag) => {
    if (tag.kind === END) return undefined;
    const value = (name: string) => decodeAttribute(attr(tag.raw, name) ?? '');
    const external = value('TargetMode') === 'External';
    rels.push({ id: value('Id'), type: value('Type'), target: external ? value('Target') : resolveTarget(baseDir, value('Target')), external });
    return undefined;
  };
  await pass(text, { names: ['Relationship'], handler }, maxToken);
  return rels;
}

export interface NewRel {
  id: string;
  type: string;
  /** As the relationship writes it: relative to the source part's folder. */
  target: string;
}

const relXml = (r: NewRel, p = '') => `<${p}Relationship Id="${escapeXml(r.id, true)}" Type="${escapeXml(r.type, true)}" Target="${escapeXml(r.target, true)}"/>`;

/** A relationships part with these relationships added. */
export const addRels = (rels: readonly NewRel[]): Editor => beforeRootEnd('Relationships', (p) => rels.map((r) => relXml(r, p)).join(''));

/** A new relationships part. */
export const newRels = (rels: readonly NewRel[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELS}">${rels.map((r) => relXml(r)).join('')}</Relationships>`;

/** Ids for new relationships, none of them one the part has. */
export function relIds(rels: readonly { id: string }[]): () => string {
  const taken = new Set(rels.map((r) => r.id));
  let n = 0;
  return () => {
    while (taken.has(`rId${++n}`));
    taken.add(`rId${n}`);
    return `rId${n}`;
  };
}

/** Text added before the end of the root element (its name given), the adder told the root's prefix. */
function beforeRootEnd(root: string, add: (prefix: string) => string): Editor {
  return {
    names: [root],
    handler: (tag) => {
      if (tag.depth !== 1 || tag.kind === START) return undefined;
      return tag.kind === END ? add(tag.prefix) + tag.raw : `${opened(tag.raw)}${add(tag.prefix)}${closing(tag, root)}`;
    },
  };
}

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  rid: string | undefined;
}

/** The workbook's sheets, in order, and the highest sheetId. */
export async function readSheets(text: AsyncIterable<string>, maxToken: number): Promise<{ sheets: WorkbookSheet[]; maxSheetId: number }> {
  const sheets: WorkbookSheet[] = [];
  let maxSheetId = 0;
  const handler = (tag: Tag) => {
    if (tag.kind === END || tag.depth !== 3) return undefined;
    const state = attr(tag.raw, 'state');
    const rid = attr(tag.raw, ':id');
    sheets.push({ name: decodeAttribute(attr(tag.raw, 'name') ?? ''), hidden: state === 'hidden' || state === 'veryHidden', rid: rid === undefined ? undefined : decodeAttribute(rid) });
    maxSheetId = Math.max(maxSheetId, Number(attr(tag.raw, 'sheetId')) || 0);
    return undefined;
  };
  await pass(text, { names: ['sheet'], handler }, maxToken);
  return { sheets, maxSheetId };
}

/** workbook.xml with a sheet added last (its r: prefix declared on it when the root does not declare it). */
export function addSheet(sheet: { name: string; sheetId: number; rid: string }): Editor {
  let declared = false;
  const handler = (tag: Tag) => {
    if (tag.id === 0) {
      if (tag.depth === 1 && tag.kind === START) declared = attr(tag.raw, 'xmlns:r') === NS_REL;
      return undefined;
    }
    if (tag.depth !== 2 || tag.kind === START) return undefined;
    const p = tag.prefix;
    const ns = declared ? '' : ` xmlns:r="${NS_REL}"`;
    const added = `<${p}sheet name="${escapeXml(sheet.name, true)}" sheetId="${sheet.sheetId}"${ns} r:id="${sheet.rid}"/>`;
    return tag.kind === END ? added + tag.raw : `${opened(tag.raw)}${added}${closing(tag, 'sheets')}`;
  };
  return { names: ['workbook', 'sheets'], handler };
}

export interface ContentTypes {
  overrides: { part: string; type: string }[];
  defaults: { extension: string; type: string }[];
}

/** [Content_Types].xml with the new parts' types: an extension's default only if it has none. */
export function addContentTypes(add: ContentTypes): Editor {
  const known = new Set<string>();
  const handler = (tag: Tag) => {
    if (tag.id === 1) {
      if (tag.kind !== END) known.add((attr(tag.raw, 'Extension') ?? '').toLowerCase());
      return undefined;
    }
    if (tag.depth !== 1 || tag.kind === START) return undefined;
    const p = tag.prefix;
    const defaults = add.defaults.filter((d) => !known.has(d.extension.toLowerCase()));
    const xmlAdded =
      defaults.map((d) => `<${p}Default Extension="${escapeXml(d.extension, true)}" ContentType="${escapeXml(d.type, true)}"/>`).join('') +
      add.overrides.map((o) => `<${p}Override PartName="/${escapeXml(o.part, true)}" ContentType="${escapeXml(o.type, true)}"/>`).join('');
    return tag.kind === END ? xmlAdded + tag.raw : `${opened(tag.raw)}${xmlAdded}${closing(tag, 'Types')}`;
  };
  return { names: ['Types', 'Default'], handler };
}

const application = (p: string) => `<${p}Application>${MARK_APPLICATION}</${p}Application>`;

/** docProps/app.xml naming hoso the application that saved it (the mark: see write/mark.ts). */
export function markApplication(): Editor {
  let set = false;
  const handler = (tag: Tag, stream: TagStream) => {
    if (tag.id === 1) {
      if (tag.depth !== 2) return undefined;
      set = true;
      if (tag.kind === EMPTY) return application(tag.prefix);
      // The old name, between the tags, is left out.
      stream.dropping = tag.kind === START;
      return tag.kind === START ? tag.raw + MARK_APPLICATION : undefined;
    }
    if (tag.depth !== 1 || tag.kind === START || set) return undefined;
    return tag.kind === END ? application(tag.prefix) + tag.raw : `${opened(tag.raw)}${application(tag.prefix)}${closing(tag, 'Properties')}`;
  };
  return { names: ['Properties', 'Application'], handler };
}

/**
 * docProps/custom.xml with hoso's mark: its property's value replaced where it has one (the copy
 * of a copy), else a property added with the next free pid.
 */
export function markCustom(kind: OutputKind, generator: string): Editor {
  let maxPid = 1;
  let marked = false;
  let declared = false;
  const mark = (pid: number) => {
    const property = markProperty(kind, generator, pid);
    return declared ? property : property.replace('<property ', `<property xmlns:vt="${NS_VT}" `);
  };
  const handler = (tag: Tag, stream: TagStream) => {
    if (tag.id === 0) {
      if (tag.depth !== 1) return undefined;
      if (tag.kind !== END) declared = attr(tag.raw, 'xmlns:vt') === NS_VT;
      if (tag.kind === START || marked) return undefined;
      return tag.kind === END ? mark(maxPid + 1) + tag.raw : `${opened(tag.raw)}${mark(2)}${closing(tag, 'Properties')}`;
    }
    if (tag.depth !== 2) return undefined;
    if (tag.kind === END) {
      if (!stream.dropping) return undefined;
      stream.dropping = false;
      return '';
    }
    const pid = Number(attr(tag.raw, 'pid')) || 0;
    maxPid = Math.max(maxPid, pid);
    if (decodeAttribute(attr(tag.raw, 'name') ?? '') !== MARK_PROPERTY) return undefined;
    marked = true;
    stream.dropping = tag.kind === START;
    return mark(pid);
  };
  return { names: ['Properties', 'property'], handler };
}
