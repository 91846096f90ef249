/**
 * The small parts that tie a package together, read and edited for the copy: the content types,
 * relationships, the workbook's list of sheets, and the document properties that carry hoso's
 * mark. Each edit adds what the copy adds and leaves every other character as the input has it.
 */
import { escapeXml } from '../../format/xml-text.js';
import { MARK_APPLICATION, MARK_PROPERTY, markProperty, NS_VT, type OutputKind } from '../../write/mark.js';
import { decodeAttribute, rewriteText, attr, END, START, EMPTY, opened, closing, type Tag } from './tags.js';
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
export function parseRels(xml: string, baseDir: string): Rel[] {
  const rels: Rel[] = [];
  rewriteText(xml, ['Relationship'], (tag) => {
    if (tag.kind === END) return undefined;
    const value = (name: string) => decodeAttribute(attr(tag.raw, name) ?? '');
    const external = value('TargetMode') === 'External';
    rels.push({ id: value('Id'), type: value('Type'), target: external ? value('Target') : resolveTarget(baseDir, value('Target')), external });
    return undefined;
  });
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
export const withRels = (xml: string, rels: readonly NewRel[]): string => beforeRootEnd(xml, 'Relationships', (p) => rels.map((r) => relXml(r, p)).join(''));

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
function beforeRootEnd(xml: string, root: string, add: (prefix: string) => string): string {
  return rewriteText(xml, [root], (tag) => {
    if (tag.depth !== 1 || tag.kind === START) return undefined;
    return tag.kind === END ? add(tag.prefix) + tag.raw : `${opened(tag.raw)}${add(tag.prefix)}${closing(tag, root)}`;
  });
}

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  rid: string | undefined;
}

/** The workbook's sheets, in order, and the highest sheetId. */
export function workbookSheets(xml: string): { sheets: WorkbookSheet[]; maxSheetId: number } {
  const sheets: WorkbookSheet[] = [];
  let maxSheetId = 0;
  rewriteText(xml, ['sheet'], (tag) => {
    if (tag.kind === END || tag.depth !== 3) return undefined;
    const state = attr(tag.raw, 'state');
    const rid = attr(tag.raw, ':id');
    sheets.push({ name: decodeAttribute(attr(tag.raw, 'name') ?? ''), hidden: state === 'hidden' || state === 'veryHidden', rid: rid === undefined ? undefined : decodeAttribute(rid) });
    maxSheetId = Math.max(maxSheetId, Number(attr(tag.raw, 'sheetId')) || 0);
    return undefined;
  });
  return { sheets, maxSheetId };
}

/** workbook.xml with a sheet added last (its r: prefix declared on it when the root does not declare it). */
export function withSheet(xml: string, sheet: { name: string; sheetId: number; rid: string }): string {
  let declared = false;
  return rewriteText(xml, ['workbook', 'sheets'], (tag: Tag) => {
    if (tag.id === 0) {
      if (tag.depth === 1 && tag.kind === START) declared = attr(tag.raw, 'xmlns:r') === NS_REL;
      return undefined;
    }
    if (tag.depth !== 2 || tag.kind === START) return undefined;
    const p = tag.prefix;
    const ns = declared ? '' : ` xmlns:r="${NS_REL}"`;
    const added = `<${p}sheet name="${escapeXml(sheet.name, true)}" sheetId="${sheet.sheetId}"${ns} r:id="${sheet.rid}"/>`;
    return tag.kind === END ? added + tag.raw : `${opened(tag.raw)}${added}${closing(tag, 'sheets')}`;
  });
}

export interface ContentTypes {
  overrides: { part: string; type: string }[];
  defaults: { extension: string; type: string }[];
}

/** [Content_Types].xml with the new parts' types: an extension's default only if it has none. */
export function withContentTypes(xml: string, add: ContentTypes): string {
  const known = new Set<string>();
  const names = ['Types', 'Default'];
  return rewriteText(xml, names, (tag) => {
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
  });
}

const application = (p: string) => `<${p}Application>${MARK_APPLICATION}</${p}Application>`;

/** docProps/app.xml naming hoso the application that saved it (the mark: see write/mark.ts). */
export function withApplication(xml: string): string {
  let set = false;
  return rewriteText(xml, ['Properties', 'Application'], (tag, stream) => {
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
  });
}

/**
 * docProps/custom.xml with hoso's mark: its property's value replaced where it has one (the copy
 * of a copy), else a property added with the next free pid.
 */
export function withMark(xml: string, kind: OutputKind, generator: string): string {
  let maxPid = 1;
  let marked = false;
  let declared = false;
  const mark = (pid: number) => {
    const property = markProperty(kind, generator, pid);
    return declared ? property : property.replace('<property ', `<property xmlns:vt="${NS_VT}" `);
  };
  return rewriteText(xml, ['Properties', 'property'], (tag, stream) => {
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
  });
}
