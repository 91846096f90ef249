/**
 * The mark (mark.ts) given to a workbook another library wrote whole — exceljs writes the
 * template, and cannot write custom properties: its package is read back and written again with
 * the mark's custom property, its content type and relationship, and hoso as the application.
 * Every other part is kept as it is. Only for small workbooks: each part is inflated in memory.
 */
import { unzipSync } from 'fflate';
import {
  APP_PROPS_PART,
  CUSTOM_PROPS_PART,
  CUSTOM_PROPS_REL,
  CUSTOM_PROPS_TYPE,
  customPropsXml,
  MARK_APPLICATION,
  MARK_PROPERTY,
  markProperty,
  type OutputKind,
} from './mark.js';
import { PackageWriter, portableDeflater, type Deflater } from './zip.js';

const CONTENT_TYPES = '[Content_Types].xml';
const ROOT_RELS = '_rels/.rels';
const decoder = new TextDecoder();

/** The package with the mark; one that carries it already, saved by hoso, comes back as it is. */
export function markPackage(bytes: Uint8Array, kind: OutputKind, generator: string, deflater: Deflater = portableDeflater): Uint8Array {
  const parts = unzipSync(bytes);
  const text = (name: string) => (parts[name] ? decoder.decode(parts[name]) : undefined);
  const app = text(APP_PROPS_PART);
  const custom = text(CUSTOM_PROPS_PART);
  const types = text(CONTENT_TYPES);
  const rels = text(ROOT_RELS);
  if (app === undefined || types === undefined || rels === undefined) throw new Error('not a workbook package: no document properties');
  const application = `<Application>${MARK_APPLICATION}</Application>`;
  const property = new RegExp(`<property\\b[^>]*\\bname="${MARK_PROPERTY}"[^>]*>`);
  if (app.includes(application) && custom !== undefined && property.test(custom)) return bytes;

  const changed = new Map<string, string>();
  const anyApplication = /<Application>[^<]*<\/Application>/;
  changed.set(APP_PROPS_PART, anyApplication.test(app) ? app.replace(anyApplication, application) : app.replace(/(<Properties\b[^>]*>)/, `$1${application}`));
  if (custom === undefined) {
    changed.set(CUSTOM_PROPS_PART, customPropsXml(kind, generator));
    changed.set(CONTENT_TYPES, types.replace('</Types>', `<Override PartName="/${CUSTOM_PROPS_PART}" ContentType="${CUSTOM_PROPS_TYPE}"/></Types>`));
    const ids = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    changed.set(ROOT_RELS, rels.replace('</Relationships>', `<Relationship Id="rId${n}" Type="${CUSTOM_PROPS_REL}" Target="${CUSTOM_PROPS_PART}"/></Relationships>`));
  } else if (!property.test(custom)) {
    // The mark joins the properties already there, numbered after them.
    const pid = Math.max(1, ...[...custom.matchAll(/\bpid="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
    changed.set(CUSTOM_PROPS_PART, custom.replace('</Properties>', `${markProperty(kind, generator, pid)}</Properties>`));
  }

  const chunks: Uint8Array[] = [];
  const pkg = new PackageWriter((chunk) => chunks.push(chunk), deflater);
  for (const [name, data] of Object.entries(parts)) if (!name.endsWith('/')) pkg.part(name, changed.get(name) ?? data);
  if (!parts[CUSTOM_PROPS_PART]) pkg.part(CUSTOM_PROPS_PART, changed.get(CUSTOM_PROPS_PART)!);
  pkg.end();
  return Buffer.concat(chunks);
}
