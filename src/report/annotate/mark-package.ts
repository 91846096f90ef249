/**
 * The mark (write/mark.ts) given to a workbook another library wrote whole — exceljs writes the
 * template, and cannot write custom properties: its package is read back and written again with
 * the mark's custom property, its content type and relationship, and hoso as the application,
 * each made by the same part editors as the annotated copy's (parts.ts). Every other part is kept
 * as it is. Only for small workbooks: each part is inflated in memory.
 */
import { unzipSync } from 'fflate';
import { APP_PROPS_PART, CUSTOM_PROPS_PART, CUSTOM_PROPS_REL, CUSTOM_PROPS_TYPE, customPropsXml, MARK_APPLICATION, MARK_PROPERTY, type OutputKind } from '../../write/mark.js';
import { PackageWriter, portableDeflater, type Deflater } from '../../write/zip.js';
import { addContentTypes, addRels, markApplication, markCustom, relIds } from './parts.js';
import { attr, rewriteText } from './tags.js';

const CONTENT_TYPES = '[Content_Types].xml';
const ROOT_RELS = '_rels/.rels';
const decoder = new TextDecoder();

/** The ids of a relationships part's relationships. */
function relIdsIn(rels: string): { id: string }[] {
  const ids: { id: string }[] = [];
  rewriteText(rels, { names: ['Relationship'], handler: (tag) => void ids.push({ id: attr(tag.raw, 'Id') ?? '' }) });
  return ids;
}

/** The package with the mark; one that carries it already, saved by hoso, comes back as it is. */
export function markPackage(bytes: Uint8Array, kind: OutputKind, generator: string, deflater: Deflater = portableDeflater): Uint8Array {
  const parts = unzipSync(bytes);
  const text = (name: string) => (parts[name] ? decoder.decode(parts[name]) : undefined);
  const app = text(APP_PROPS_PART);
  const custom = text(CUSTOM_PROPS_PART);
  const types = text(CONTENT_TYPES);
  const rels = text(ROOT_RELS);
  if (app === undefined || types === undefined || rels === undefined) throw new Error('not a workbook package: no document properties');
  const property = new RegExp(`<property\\b[^>]*\\bname="${MARK_PROPERTY}"[^>]*>`);
  if (app.includes(`<Application>${MARK_APPLICATION}</Application>`) && custom !== undefined && property.test(custom)) return bytes;

  const changed = new Map<string, string>();
  changed.set(APP_PROPS_PART, rewriteText(app, markApplication()));
  if (custom === undefined) {
    changed.set(CUSTOM_PROPS_PART, customPropsXml(kind, generator));
    changed.set(CONTENT_TYPES, rewriteText(types, addContentTypes({ defaults: [], overrides: [{ part: CUSTOM_PROPS_PART, type: CUSTOM_PROPS_TYPE }] })));
    changed.set(ROOT_RELS, rewriteText(rels, addRels([{ id: relIds(relIdsIn(rels))(), type: CUSTOM_PROPS_REL, target: CUSTOM_PROPS_PART }])));
  } else if (!property.test(custom)) {
    // The mark joins the properties already there, numbered after them.
    changed.set(CUSTOM_PROPS_PART, rewriteText(custom, markCustom(kind, generator)));
  }

  const chunks: Uint8Array[] = [];
  const pkg = new PackageWriter((chunk) => chunks.push(chunk), deflater);
  for (const [name, data] of Object.entries(parts)) if (!name.endsWith('/')) pkg.part(name, changed.get(name) ?? data);
  if (!parts[CUSTOM_PROPS_PART]) pkg.part(CUSTOM_PROPS_PART, changed.get(CUSTOM_PROPS_PART)!);
  pkg.end();
  return Buffer.concat(chunks);
}
