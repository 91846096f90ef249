/**
 * The annotated copy of a workbook, made at the package level: its parts written in the input's
 * order, each one the annotation need not change copied in its stored form (byte for byte, never
 * inflated: charts, images, threaded comments, validations, defined names… are what they were),
 * the ones it changes streamed through their rewriters, and the new ones (notes, the findings
 * sheet) after them. The styles part is the one exception to the order: the copies of styles the
 * marked cells take are known once the sheets are written, so a styles part stored before them is
 * written after the last.
 */
import type { Finding, Lang } from '../../engine/types.js';
import { InputError } from '../../read/types.js';
import { shown } from '../../printable.js';
import { appPropsXml, APP_PROPS_REL, APP_PROPS_TYPE, customPropsXml, CUSTOM_PROPS_REL, CUSTOM_PROPS_TYPE } from '../../write/mark.js';
import { NS_REL, SheetXml } from '../../write/sheet-xml.js';
import { sheetNameFor } from '../../write/workbook.js';
import { StoredPart, type PackageWriter } from '../../write/zip.js';
import { FINDINGS_LAYOUT, FINDINGS_NAME, findingsRows } from './findings-sheet.js';
import { marksBySheet, placeFindings } from './marks.js';
import { dirOf, partKey, relativeTarget, type PackageEntry, type PackageSource } from './package.js';
import { addContentTypes, addSheet, markApplication, markCustom, readSheets, relIds, type NewRel, type Rel } from './parts.js';
import { CopyPlan } from './plan.js';
import { sheetRewriter } from './sheet.js';
import { countStyles, newStyles, StylePlan, stylesRewriter } from './styles.js';
import { pass, type Editor } from './tags.js';
import { titleCell } from './title.js';

export interface CopyOptions {
  /** The input, as its errors name it. */
  file: string;
  lang: Lang;
  /** "hoso-lint 0.1.0", for the mark. */
  generator: string;
  /** The longest XML token read (see read/sheet-scanner.ts's tokenCap). */
  maxToken: number;
}

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

const internal = (rels: Rel[], type: string) => rels.find((r) => r.type.endsWith(type) && !r.external);

export async function writeAnnotatedCopy(source: PackageSource, findings: readonly Finding[], pkg: PackageWriter, opts: CopyOptions): Promise<void> {
  const plan = new CopyPlan(source, opts.file, opts.maxToken);

  // The package's shape: the workbook, its sheets and their parts, its styles.
  const rootRels = await plan.relsOf('');
  const workbookPart = internal(rootRels, '/officeDocument')?.target ?? 'xl/workbook.xml';
  const workbookEntry = plan.entry(workbookPart);
  if (!workbookEntry) throw new InputError(opts.file, 'not-a-workbook', `no ${shown(workbookPart)} in the archive`);
  if (!plan.entry('[Content_Types].xml')) throw new InputError(opts.file, 'not-a-workbook', `no ${shown('[Content_Types].xml')} in the archive`);
  const { sheets, maxSheetId } = await plan.read(workbookEntry, readSheets);
  const bookDir = dirOf(workbookPart);
  const bookRels = await plan.relsOf(workbookPart);
  const relOf = (i: number) => bookRels.find((r) => r.id === sheets[i].rid && !r.external);
  const sheetEntry = (i: number) => plan.entry(relOf(i)?.target);

  // Where the findings show: a finding about a whole sheet on its title cell, one about the whole
  // file on the first visible worksheet's (not a chart sheet's).
  const placing = sheets.map((s, i) => ({ name: s.name, hidden: s.hidden || !relOf(i)?.type.endsWith('/worksheet') }));
  const placed = await placeFindings(findings, placing, async (i) => {
    const e = sheetEntry(i);
    return e ? plan.read(e, titleCell) : { row: 1, col: 1 };
  });
  const marks = [...marksBySheet(placed)].filter(([i]) => sheetEntry(i));

  const stylesEntry = plan.entry(internal(bookRels, '/styles')?.target);
  const styles = new StylePlan(stylesEntry ? await plan.read(stylesEntry, countStyles) : {});

  // Each sheet with marks: its notes, and its cells restyled.
  for (const [i, sheetMarks] of marks) {
    const part = sheetEntry(i)!.name;
    const legacyDrawing = await plan.notes(part, sheetMarks, bookDir);
    plan.rewrite(part, () => sheetRewriter({ marks: sheetMarks, styleFor: (xf, s) => styles.styleFor(xf, s), legacyDrawing }));
  }

  // The styles: the input's, with the marks' appended, or a new part.
  const bookRelId = relIds(bookRels);
  const newBookRels: NewRel[] = [];
  if (stylesEntry) plan.rewrite(stylesEntry.name, () => stylesRewriter(styles));
  else {
    const part = plan.freePart((n) => `${bookDir}/styles${n}.xml`, `${bookDir}/styles.xml`);
    newBookRels.push({ id: bookRelId(), type: `${NS_REL}/styles`, target: relativeTarget(bookDir, part) });
    plan.add(part, STYLES_TYPE, (out) => out(newStyles(styles)));
  }

  // The findings sheet, last in the workbook, under a name no sheet has.
  const names = sheets.map((s) => s.name);
  const findingsName = sheetNameFor(FINDINGS_NAME[opts.lang], names);
  const findingsPart = plan.freePart((n) => `${bookDir}/worksheets/sheet${n}.xml`);
  const findingsRel = bookRelId();
  newBookRels.push({ id: findingsRel, type: `${NS_REL}/worksheet`, target: relativeTarget(bookDir, findingsPart) });
  plan.rewrite(workbookPart, () => addSheet({ name: findingsName, sheetId: maxSheetId + 1, rid: findingsRel }));
  plan.relate(workbookPart, newBookRels);

  // The mark, in the document properties: added to the input's, or in properties of its own.
  const rootRelId = relIds(rootRels);
  const newRootRels: NewRel[] = [];
  const props = (rel: string, wanted: string, type: string, edit: () => Editor, make: () => string) => {
    const existing = plan.entry(internal(rootRels, rel)?.target);
    if (existing) return plan.rewrite(existing.name, edit);
    const part = plan.freePart((n) => wanted.replace('.xml', `${n}.xml`), wanted);
    newRootRels.push({ id: rootRelId(), type: rel, target: part });
    plan.add(part, type, (out) => out(make()));
  };
  props(APP_PROPS_REL, 'docProps/app.xml', APP_PROPS_TYPE, markApplication, () => appPropsXml([...names, findingsName]));
  props(CUSTOM_PROPS_REL, 'docProps/custom.xml', CUSTOM_PROPS_TYPE, () => markCustom('annotated-copy', opts.generator), () => customPropsXml('annotated-copy', opts.generator));
  plan.relate('', newRootRels);
  plan.types.overrides.push({ part: findingsPart, type: WORKSHEET_TYPE });
  plan.rewrite('[Content_Types].xml', () => addContentTypes(plan.types));

  // The parts, in the input's order (the styles after the last sheet rewritten), then the new ones.
  const write = async (e: PackageEntry) => {
    const rewrite = plan.rewrites.get(partKey(e.name));
    if (!rewrite) return copyStored(source, e, pkg);
    await plan.inPart(e.name, async () => {
      const w = pkg.stream(e.name);
      await pass(source.text(e), rewrite(), opts.maxToken, (text) => w.write(text));
      w.end();
    });
  };
  const lastSheet = Math.max(-1, ...marks.map(([i]) => source.entries.indexOf(sheetEntry(i)!)));
  for (const [at, e] of source.entries.entries()) {
    if (e !== stylesEntry || at > lastSheet) await write(e);
    if (at === lastSheet && stylesEntry && source.entries.indexOf(stylesEntry) < at) await write(stylesEntry);
  }
  for (const { part, write: make } of plan.added) pkg.piecewise(part, make);
  pkg.piecewise(findingsPart, (text) => {
    const sheet = new SheetXml(text);
    sheet.begin(FINDINGS_LAYOUT);
    findingsRows(sheet, placed, names, opts.lang, styles);
    sheet.end();
  });
}

/** A part copied as the input stores it. */
async function copyStored(source: PackageSource, e: PackageEntry, pkg: PackageWriter): Promise<void> {
  const part = pkg.stored(new StoredPart(e.name, e.crc32, e.uncompressedSize, e.compressionMethod));
  let held: Uint8Array | undefined;
  for await (const chunk of source.stored(e)) {
    if (held) part.push(held);
    held = chunk;
  }
  part.push(held ?? new Uint8Array(0), true);
}
