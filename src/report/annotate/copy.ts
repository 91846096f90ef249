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
import { TokenTooLong, XmlError } from '../../read/xml-token.js';
import { appPropsXml, APP_PROPS_REL, APP_PROPS_TYPE, customPropsXml, CUSTOM_PROPS_REL, CUSTOM_PROPS_TYPE } from '../../write/mark.js';
import { COMMENTS_REL, COMMENTS_TYPE, VML_REL, VML_TYPE, vmlBlocks, writeComments, writeVml } from '../../write/notes.js';
import { NS_REL, SheetXml } from '../../write/sheet-xml.js';
import { sheetNameFor } from '../../write/workbook.js';
import { StoredPart, type PackageWriter } from '../../write/zip.js';
import { FINDINGS_LAYOUT, FINDINGS_NAME, findingsRows } from './findings-sheet.js';
import { marksBySheet, notesOf, placeFindings } from './marks.js';
import { commentsMerger, notedCells, vmlMerger } from './notes.js';
import { dirOf, partKey, relativeTarget, relsOf, type PackageEntry, type PackageSource } from './package.js';
import { addContentTypes, addRels, addSheet, markApplication, markCustom, newRels, readRels, readSheets, relIds, type ContentTypes, type NewRel, type Rel } from './parts.js';
import { legacyDrawingId, sheetRewriter } from './sheet.js';
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
/** The first id-map block of the drawings the copy adds: above those Excel numbers its own from (1, 2, …). */
const FIRST_BLOCK = 100;


export async function writeAnnotatedCopy(source: PackageSource, findings: readonly Finding[], pkg: PackageWriter, opts: CopyOptions): Promise<void> {
  const { file, maxToken } = opts;
  const byKey = new Map(source.entries.map((e) => [partKey(e.name), e]));
  const entry = (part: string | undefined) => (part === undefined ? undefined : byKey.get(partKey(part)));
  /** Catches what a part's XML makes the rewriters refuse, as the InputError of that part. */
  const inPart = async <T>(part: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof XmlError) throw new InputError(file, err instanceof TokenTooLong ? 'token-too-long' : 'bad-xml', `${shown(part)}: ${err.message}`);
      throw err;
    }
  };
  /** The relationships of a part (none if it has no relationships part). */
  const relsOfPart = (part: string) => {
    const e = entry(relsOf(part));
    return e ? inPart(e.name, () => readRels(source.text(e), dirOf(part), maxToken)) : Promise.resolve([]);
  };
  const taken = new Set(byKey.keys());
  /** A part name no part has: the first of pattern(1), pattern(2)… */
  const freePart = (pattern: (n: number) => string) => {
    for (let n = 1; ; n++) {
      const name = pattern(n);
      if (!taken.has(partKey(name))) {
        taken.add(partKey(name));
        return name;
      }
    }
  };

  // The package's shape: the workbook, its sheets and their parts, its styles, its properties.
  const rootRels = await relsOfPart('');
  const workbookPart = rootRels.find((r) => r.type.endsWith('/officeDocument') && !r.external)?.target ?? 'xl/workbook.xml';
  const workbookEntry = entry(workbookPart);
  if (!workbookEntry) throw new InputError(file, 'not-a-workbook', `no ${shown(workbookPart)} in the archive`);
  if (!entry('[Content_Types].xml')) throw new InputError(file, 'not-a-workbook', `no ${shown('[Content_Types].xml')} in the archive`);
  const { sheets, maxSheetId } = await inPart(workbookPart, () => readSheets(source.text(workbookEntry), maxToken));
  const bookDir = dirOf(workbookPart);
  const bookRelsPart = relsOf(workbookPart);
  const bookRels = await relsOfPart(workbookPart);
  const internal = (rels: Rel[], type: string) => rels.find((r) => r.type.endsWith(type) && !r.external);
  const sheetParts = sheets.map((s) => bookRels.find((r) => r.id === s.rid && !r.external)?.target);
  const sheetEntry = (i: number) => entry(sheetParts[i]);

  // Where the findings show: a finding about a whole sheet on its title cell.
  // A finding about the whole file goes to the first visible worksheet (not a chart sheet).
  const placing = sheets.map((s, i) => ({ name: s.name, hidden: s.hidden || !bookRels.some((r) => r.id === s.rid && r.type.endsWith('/worksheet')) }));
  const placed = await placeFindings(findings, placing, async (i) => {
    const e = sheetEntry(i);
    return e ? inPart(e.name, () => titleCell(source.text(e), maxToken)) : { row: 1, col: 1 };
  });
  const marks = [...marksBySheet(placed)].filter(([i]) => sheetEntry(i));

  const stylesPart = internal(bookRels, '/styles')?.target;
  const stylesEntry = entry(stylesPart);
  const styles = new StylePlan(stylesEntry ? await inPart(stylesEntry.name, () => countStyles(source.text(stylesEntry), maxToken)) : {});

  /** The parts rewritten, by key: the pass each goes through. */
  const rewrites = new Map<string, () => Editor>();
  const added: { part: string; write: (out: (text: string) => void) => void }[] = [];
  const types: ContentTypes = { overrides: [], defaults: [] };
  const newBookRels: NewRel[] = [];
  const bookRelId = relIds(bookRels);
  let block = FIRST_BLOCK;

  for (const [i, sheetMarks] of marks) {
    const part = sheetParts[i]!;
    const notes = new Map(notesOf(sheetMarks).map((n) => [n.ref, n]));
    const relsPart = relsOf(part);
    const rels = await relsOfPart(part);
    const relId = relIds(rels);
    const newSheetRels: NewRel[] = [];
    const relate = (type: string, target: string) => {
      const id = relId();
      newSheetRels.push({ id, type, target: relativeTarget(dirOf(part), target) });
      return id;
    };

    const comments = internal(rels, '/comments');
    const commentsEntry = entry(comments?.target);
    const noted = commentsEntry ? await inPart(commentsEntry.name, () => notedCells(source.text(commentsEntry), maxToken)) : new Set<string>();
    const fresh = [...notes.values()].filter((n) => !noted.has(n.ref));
    if (commentsEntry) rewrites.set(partKey(commentsEntry.name), () => commentsMerger(notes, fresh));
    else {
      const commentsPart = freePart((n) => `${bookDir}/comments${n}.xml`);
      relate(COMMENTS_REL, commentsPart);
      types.overrides.push({ part: commentsPart, type: COMMENTS_TYPE });
      added.push({ part: commentsPart, write: (out) => writeComments(notes.values(), out) });
    }

    const drawing = await notesDrawing(rels, comments !== undefined, () => inPart(part, () => legacyDrawingId(source.text(sheetEntry(i)!), maxToken)));
    const drawingEntry = entry(drawing?.target);
    let legacyDrawing: string | undefined;
    if (drawingEntry) {
      if (fresh.length) rewrites.set(partKey(drawingEntry.name), () => vmlMerger(fresh));
    } else if (fresh.length) {
      const vmlPart = freePart((n) => `${bookDir}/drawings/vmlDrawing${n}.vml`);
      legacyDrawing = relate(VML_REL, vmlPart);
      types.defaults.push({ extension: 'vml', type: VML_TYPE });
      const first = block;
      block += vmlBlocks(fresh.length);
      added.push({ part: vmlPart, write: (out) => writeVml(fresh, first, out) });
    }

    rewrites.set(partKey(part), () => sheetRewriter({ marks: sheetMarks, styleFor: (xf, s) => styles.styleFor(xf, s), legacyDrawing }));
    if (!newSheetRels.length) continue;
    if (!entry(relsPart)) added.push({ part: relsPart, write: (out) => out(newRels(newSheetRels)) });
    else rewrites.set(partKey(relsPart), () => addRels(newSheetRels));
  }

  // The styles: the input's, with the marks' appended, or a new part.
  if (stylesEntry) rewrites.set(partKey(stylesEntry.name), () => stylesRewriter(styles));
  const newStylesPart = stylesEntry ? undefined : freePart((n) => `${bookDir}/styles${n === 1 ? '' : n}.xml`);
  if (newStylesPart) {
    newBookRels.push({ id: bookRelId(), type: `${NS_REL}/styles`, target: relativeTarget(bookDir, newStylesPart) });
    types.overrides.push({ part: newStylesPart, type: STYLES_TYPE });
  }

  // The findings sheet, last in the workbook, under a name no sheet has.
  const findingsName = sheetNameFor(FINDINGS_NAME[opts.lang], sheets.map((s) => s.name));
  const findingsPart = freePart((n) => `${bookDir}/worksheets/sheet${n}.xml`);
  const findingsRel = bookRelId();
  newBookRels.push({ id: findingsRel, type: `${NS_REL}/worksheet`, target: relativeTarget(bookDir, findingsPart) });
  types.overrides.push({ part: findingsPart, type: WORKSHEET_TYPE });
  rewrites.set(partKey(workbookPart), () => addSheet({ name: findingsName, sheetId: maxSheetId + 1, rid: findingsRel }));
  if (!entry(bookRelsPart)) added.push({ part: bookRelsPart, write: (out) => out(newRels(newBookRels)) });
  else rewrites.set(partKey(bookRelsPart), () => addRels(newBookRels));

  // The mark, in the document properties.
  const mark = { kind: 'annotated-copy' as const, generator: opts.generator };
  const newRootRels: NewRel[] = [];
  const rootRelId = relIds(rootRels);
  const props = (rel: string, wanted: string, type: string, edit: () => Editor, make: () => string) => {
    const existing = entry(internal(rootRels, rel)?.target);
    if (existing) return void rewrites.set(partKey(existing.name), edit);
    const part = taken.has(partKey(wanted)) ? freePart((n) => wanted.replace('.xml', `${n}.xml`)) : (taken.add(partKey(wanted)), wanted);
    newRootRels.push({ id: rootRelId(), type: rel, target: part });
    types.overrides.push({ part, type });
    added.push({ part, write: (out) => out(make()) });
  };
  props(APP_PROPS_REL, 'docProps/app.xml', APP_PROPS_TYPE, markApplication, () => appPropsXml([...sheets.map((s) => s.name), findingsName]));
  props(CUSTOM_PROPS_REL, 'docProps/custom.xml', CUSTOM_PROPS_TYPE, () => markCustom(mark.kind, mark.generator), () => customPropsXml(mark.kind, mark.generator));
  if (newRootRels.length) {
    if (entry('_rels/.rels')) rewrites.set(partKey('_rels/.rels'), () => addRels(newRootRels));
    else added.unshift({ part: '_rels/.rels', write: (out) => out(newRels(newRootRels)) });
  }
  rewrites.set(partKey('[Content_Types].xml'), () => addContentTypes(types));

  // The parts, in the input's order; the styles after the last sheet rewritten.
  const write = async (e: PackageEntry) => {
    const rewrite = rewrites.get(partKey(e.name));
    if (!rewrite) return copyStored(source, e, pkg);
    await inPart(e.name, async () => {
      const w = pkg.stream(e.name);
      await pass(source.text(e), rewrite(), maxToken, (text) => w.write(text));
      w.end();
    });
  };
  const lastSheet = Math.max(-1, ...marks.map(([i]) => source.entries.indexOf(sheetEntry(i)!)));
  for (const [at, e] of source.entries.entries()) {
    if (e !== stylesEntry || at > lastSheet) await write(e);
    if (at === lastSheet && stylesEntry && source.entries.indexOf(stylesEntry) < at) await write(stylesEntry);
  }
  for (const { part, write: make } of added) pkg.piecewise(part, make);
  if (newStylesPart) pkg.part(newStylesPart, newStyles(styles));
  pkg.piecewise(findingsPart, (write) => {
    const sheet = new SheetXml(write);
    sheet.begin(FINDINGS_LAYOUT);
    findingsRows(sheet, placed, sheets.map((s) => s.name), opts.lang, styles);
    sheet.end();
  });
}

/**
 * The VML drawing the sheet's notes are drawn in, if it has one: the drawing of its
 * `<legacyDrawing>`. With notes and one drawing, that one; with no drawing, none; else (a drawing
 * that may be the header's and footer's, or several) the sheet itself says which, read through.
 */
async function notesDrawing(rels: Rel[], hasComments: boolean, legacyId: () => Promise<string | undefined>): Promise<Rel | undefined> {
  const drawings = rels.filter((r) => r.type.endsWith('/vmlDrawing') && !r.external);
  if (drawings.length === 0) return undefined;
  if (hasComments && drawings.length === 1) return drawings[0];
  const id = await legacyId();
  return drawings.find((r) => r.id === id);
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
