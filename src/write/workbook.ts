/**
 * A new workbook written part by part (a report, the copy of a CSV): each sheet is streamed into
 * its part as its rows come, and the parts that name the sheets (workbook.xml, the document
 * properties) are written last, when every sheet's extent is known. Styles are a small fixed set.
 */
import { escapeXml } from '../format/xml-text.js';
import { appPropsXml, APP_PROPS_PART, APP_PROPS_REL, APP_PROPS_TYPE, customPropsXml, CUSTOM_PROPS_PART, CUSTOM_PROPS_REL, CUSTOM_PROPS_TYPE, type OutputKind } from './mark.js';
import { COMMENTS_REL, COMMENTS_TYPE, VML_REL, VML_TYPE, vmlBlocks, writeComments, writeVml, type Note } from './notes.js';
import { SEVERITIES, severityBorder, severityFill } from './severity-style.js';
import { NS_MAIN, NS_REL, SheetXml, type SheetLayout } from './sheet-xml.js';
import type { PackageWriter } from './zip.js';

/** The styles of a new workbook, by index in its cellXfs; a finding's cell takes its severity's. */
export const STYLE = { plain: 0, bold: 1, wrap: 2, link: 3, error: 4, warning: 5, info: 6 } as const;

/** A finding's cell: its severity's fill (fills 2…) and border (borders 1…), in SEVERITIES' order. */
const SEVERITY_XFS = SEVERITIES.map((_, k) => `<xf numFmtId="0" fontId="0" fillId="${2 + k}" borderId="${1 + k}" xfId="0" applyFill="1" applyBorder="1"/>`).join('');

const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  `<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${SEVERITIES.map((x) => severityFill(x)).join('')}</fills>` +
  `<borders count="4"><border><left/><right/><top/><bottom/><diagonal/></border>${SEVERITIES.map((x) => severityBorder(x)).join('')}</borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>${SEVERITY_XFS}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export interface NewSheet {
  name: string;
  layout?: SheetLayout;
  /** An auto filter on the header row over every row written. */
  filter?: boolean;
  /** The first row printed at the top of every page. */
  printTitles?: boolean;
  /** Writes the rows, in order; may wait for them (a CSV read as it is written). */
  rows(sheet: SheetXml): void | Promise<void>;
  /** The sheet's cell notes, asked for once its rows are written; a sheet without has no notes' parts. */
  notes?(): readonly Note[];
}

/**
 * A sheet name Excel accepts: no []:*?/\, no leading or trailing apostrophe, no character XML
 * cannot hold, at most 31 characters, and none already taken (compared as Excel compares them,
 * case and Unicode form aside).
 */
export function sheetNameFor(wanted: string, taken: Iterable<string> = []): string {
  const base =
    wanted
      .replace(/[\u0000-\u001F\u007F\uFFFE\uFFFF\uD800-\uDFFF[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet1';
  const used = new Set([...taken].map(sheetKey));
  if (!used.has(sheetKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(sheetKey(name))) return name;
  }
}

/** How Excel tells sheet names apart: case- and Unicode-form-insensitively. */
export const sheetKey = (name: string): string => name.normalize('NFC').toLocaleUpperCase('vi');

/** A sheet's name as a formula refers to it: 'It''s'. */
export const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'`;

const CONTENT_TYPES = (sheets: readonly NewSheet[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  (sheets.some((s) => s.notes) ? `<Default Extension="vml" ContentType="${VML_TYPE}"/>` : '') +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
  sheets.map((s, i) => (s.notes ? `<Override PartName="/xl/comments${i + 1}.xml" ContentType="${COMMENTS_TYPE}"/>` : '')).join('') +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  `<Override PartName="/${APP_PROPS_PART}" ContentType="${APP_PROPS_TYPE}"/><Override PartName="/${CUSTOM_PROPS_PART}" ContentType="${CUSTOM_PROPS_TYPE}"/></Types>`;

const ROOT_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  `<Relationship Id="rId2" Type="${APP_PROPS_REL}" Target="${APP_PROPS_PART}"/><Relationship Id="rId3" Type="${CUSTOM_PROPS_REL}" Target="${CUSTOM_PROPS_PART}"/></Relationships>`;

const WORKBOOK_RELS = (sheets: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
  `<Relationship Id="rId${sheets + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`;

/** Writes a whole new workbook into the package: its sheets streamed, then the parts that name them. */
export async function writeWorkbook(pkg: PackageWriter, sheets: NewSheet[], mark: { kind: OutputKind; generator: string }): Promise<void> {
  const names: string[] = [];
  for (const s of sheets) names.push(sheetNameFor(s.name, names));
  pkg.part('[Content_Types].xml', CONTENT_TYPES(sheets));
  pkg.part('_rels/.rels', ROOT_RELS);
  const defined: string[] = [];
  let block = 1;
  for (const [i, s] of sheets.entries()) {
    const part = pkg.stream(`xl/worksheets/sheet${i + 1}.xml`);
    const sheet = new SheetXml((text) => part.write(text));
    sheet.begin(s.layout);
    await s.rows(sheet);
    sheet.end({ filter: s.filter, legacyDrawing: s.notes ? 'rId2' : undefined });
    part.end();
    if (s.notes) {
      const notes = s.notes();
      pkg.part(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, SHEET_RELS(i + 1));
      pkg.piecewise(`xl/comments${i + 1}.xml`, (write) => writeComments(notes, write));
      pkg.piecewise(`xl/drawings/vmlDrawing${i + 1}.vml`, (write) => writeVml(notes, block, write));
      block += vmlBlocks(notes.length);
    }
    const range = sheet.filterRange();
    const ref = sheetRef(names[i]);
    if (s.filter && range) defined.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${ref}!${absolute(range)}`)}</definedName>`);
    if (s.printTitles) defined.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${ref}!$1:$1`)}</definedName>`);
  }
  pkg.part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS(sheets.length));
  pkg.part('xl/styles.xml', STYLES_XML);
  pkg.part(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
      names.map((n, i) => `<sheet name="${escapeXml(n, true)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets>${defined.length ? `<definedNames>${defined.join('')}</definedNames>` : ''}</workbook>`,
  );
  pkg.part(APP_PROPS_PART, appPropsXml(names));
  pkg.part(CUSTOM_PROPS_PART, customPropsXml(mark.kind, mark.generator));
}

/** The relationships of sheet n with notes: its comments part and its notes' drawing (rId2, as its <legacyDrawing> says). */
const SHEET_RELS = (n: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${COMMENTS_REL}" Target="../comments${n}.xml"/><Relationship Id="rId2" Type="${VML_REL}" Target="../drawings/vmlDrawing${n}.vml"/></Relationships>`;

/** "A1:L20" as "$A$1:$L$20". */
const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
