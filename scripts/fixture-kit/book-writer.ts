/**
 * A workbook described as data (sheets and what each holds, defined names, custom XML and
 * properties) written as a package, part by part, in the order and with the relationships Excel
 * gives them. What the description leaves out (a VBA project, a calculation chain) the package leaves out.
 */
import { CT, esc, NS, PackageWriter, REL, type Flavour } from './opc-writer.js';
import { chartAnchor, commentsXml, drawingXml, emblemPng, notesVml, personsXml, pictureAnchor, printerSettings, barChartXml, threadedCommentsXml, type Anchor, type Note, type Person, type Thread } from './sheet-parts.js';
import { SharedStrings, stylesXml, worksheetXml, type Row, type SheetExtras } from './sheet-xml.js';

export interface SheetSpec {
  name: string;
  state?: 'hidden';
  rows: Row[];
  extras?: SheetExtras;
  notes?: Note[];
  threads?: Thread[];
  picture?: { anchor: Anchor; descr: string };
  chart?: { anchor: Anchor; title: string; cats: { ref: string; values: string[] }; vals: { ref: string; values: number[] } };
  /** Excel's printerSettings part beside the page setup. */
  printerSettings?: boolean;
}

export interface DefinedName {
  name: string;
  /** The index of the sheet the name belongs to (localSheetId); none for a workbook's name. */
  sheet?: number;
  hidden?: boolean;
  text: string;
}

export interface WorkbookSpec {
  flavour: Flavour;
  sheets: SheetSpec[];
  definedNames?: DefinedName[];
  /** The `<dxf>` elements conditional formats point at. */
  dxfs?: string[];
  persons?: Person[];
  customXml?: { itemId: string; schema: string; item: string };
  /** docProps/custom.xml's properties (text). */
  customProps?: [name: string, value: string][];
}

/** The workbook's date: every package carries it, so the bytes are the same on every run. */
const WRITTEN = '2025-08-15T08:00:00Z';
const PERSON_LIST = 'xl/persons/person.xml';

function workbookXml(pkg: PackageWriter, spec: WorkbookSpec, rids: string[]): string {
  const excel = pkg.flavour === 'excel';
  const sheets = spec.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="${rids[i]}"/>`);
  const names = (spec.definedNames ?? []).map((d) => {
    const local = d.sheet !== undefined ? ` localSheetId="${d.sheet}"` : '';
    const hidden = d.hidden ? ` hidden="${pkg.bool(true)}"` : '';
    return excel ? `<definedName name="${d.name}"${local}${hidden}>${esc(d.text)}</definedName>` : `<definedName function="false" hidden="${pkg.bool(!!d.hidden)}"${local} name="${d.name}" vbProcedure="false">${esc(d.text)}</definedName>`;
  });
  const head = excel
    ? '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="28315"/><workbookPr defaultThemeVersion="202300"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" activeTab="0"/></bookViews>'
    : '<fileVersion appName="Calc"/><workbookPr backupFile="false" showObjects="all" date1904="false"/><workbookProtection/><bookViews><workbookView showHorizontalScroll="true" showVerticalScroll="true" showSheetTabs="true" xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192" tabRatio="500" firstSheet="0" activeTab="0"/></bookViews>';
  const calc = excel ? '<calcPr calcId="191029"/>' : '<calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001"/>';
  return pkg.xml(
    `<workbook xmlns="${NS.main}" xmlns:r="${NS.r}">${head}<sheets>${sheets.join('')}</sheets>${names.length ? `<definedNames>${names.join('')}</definedNames>` : ''}${calc}</workbook>`,
  );
}

function appXml(pkg: PackageWriter, spec: WorkbookSpec): string {
  const sheets = spec.sheets.map((s) => s.name);
  const named = (spec.definedNames ?? []).filter((d) => !d.hidden).map((d) => (d.sheet !== undefined ? `'${spec.sheets[d.sheet].name}'!${d.name.replace(/^_xlnm\./, '')}` : d.name));
  const pairs = [`<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant>`, named.length ? `<vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>${named.length}</vt:i4></vt:variant>` : ''];
  const titles = [...sheets, ...named].map((t) => `<vt:lpstr>${esc(t)}</vt:lpstr>`);
  const app = pkg.flavour === 'excel' ? 'Microsoft Excel' : 'LibreOffice/24.2.7.2$Linux_X86_64 LibreOffice_project/420$Build-2';
  return pkg.xml(
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>${esc(app)}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
      `<HeadingPairs><vt:vector size="${named.length ? 4 : 2}" baseType="variant">${pairs.join('')}</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.join('')}</vt:vector></TitlesOfParts>` +
      '<Company>UBND xã Đắk Ruồng</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>',
  );
}

function coreXml(pkg: PackageWriter): string {
  return pkg.xml(
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>Văn phòng UBND xã Đắk Ruồng</dc:creator><cp:lastModifiedBy>Nguyễn Thị Lan</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${WRITTEN}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${WRITTEN}</dcterms:modified></cp:coreProperties>`,
  );
}

/** The theme every workbook Excel or LibreOffice saves carries: colours, fonts and formats the styles may refer to. */
function themeXml(pkg: PackageWriter): string {
  const colour = (tag: string, v: string) => `<a:${tag}><a:srgbClr val="${v}"/></a:${tag}>`;
  const colours = [
    '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>',
    ...Object.entries({ dk2: '0E2841', lt2: 'E8E8E8', accent1: '156082', accent2: 'E97132', accent3: '196B24', accent4: '0F9ED5', accent5: 'A02B93', accent6: '4EA72E', hlink: '467886', folHlink: '96607D' }).map(([t, v]) => colour(t, v)),
  ];
  const font = (tag: string, face: string) => `<a:${tag}><a:latin typeface="${face}"/><a:ea typeface=""/><a:cs typeface=""/></a:${tag}>`;
  const solid = (mod = '') => `<a:solidFill><a:schemeClr val="phClr">${mod}</a:schemeClr></a:solidFill>`;
  const three = (tag: string, items: string[]) => `<a:${tag}>${items.join('')}</a:${tag}>`;
  return pkg.xml(
    `<a:theme xmlns:a="${NS.a}" name="Office Theme"><a:themeElements><a:clrScheme name="Office">${colours.join('')}</a:clrScheme>` +
      `<a:fontScheme name="Office">${font('majorFont', 'Aptos Display')}${font('minorFont', 'Aptos Narrow')}</a:fontScheme>` +
      '<a:fmtScheme name="Office">' +
      three('fillStyleLst', [solid(), solid('<a:tint val="50000"/>'), solid('<a:shade val="80000"/>')]) +
      three('lnStyleLst', [12700, 19050, 25400].map((w) => `<a:ln w="${w}">${solid()}</a:ln>`)) +
      three('effectStyleLst', ['<a:effectStyle><a:effectLst/></a:effectStyle>', '<a:effectStyle><a:effectLst/></a:effectStyle>', '<a:effectStyle><a:effectLst/></a:effectStyle>']) +
      three('bgFillStyleLst', [solid(), solid('<a:tint val="95000"/>'), solid('<a:shade val="90000"/>')]) +
      '</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>',
  );
}

function customPropsXml(pkg: PackageWriter, props: [string, string][]): string {
  const list = props.map(([name, value], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${esc(name)}"><vt:lpwstr>${esc(value)}</vt:lpwstr></property>`);
  return pkg.xml(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${list.join('')}</Properties>`);
}

/** The workbook's package, as a zip. */
export function buildWorkbook(spec: WorkbookSpec): Buffer {
  const pkg = new PackageWriter(spec.flavour);
  const sst = new SharedStrings(pkg);
  const WB = 'xl/workbook.xml';
  pkg.relate('', REL.officeDocument, WB);
  pkg.relate('', REL.coreProps, 'docProps/core.xml');
  pkg.relate('', REL.appProps, 'docProps/app.xml');
  if (spec.customProps) pkg.relate('', REL.customProps, 'docProps/custom.xml');
  const rids = spec.sheets.map((_, i) => pkg.relate(WB, REL.worksheet, `xl/worksheets/sheet${i + 1}.xml`));
  pkg.relate(WB, REL.theme, 'xl/theme/theme1.xml');
  pkg.relate(WB, REL.styles, 'xl/styles.xml');
  pkg.relate(WB, REL.sharedStrings, 'xl/sharedStrings.xml');
  if (spec.persons) pkg.relate(WB, REL.person, PERSON_LIST);
  if (spec.customXml) pkg.relate(WB, REL.customXml, 'customXml/item1.xml');
  pkg.add(WB, workbookXml(pkg, spec, rids), CT.workbook);

  // The parts sheets relate to, numbered across the workbook as Excel numbers them, added after the sheets.
  const later: [name: string, data: string | Buffer, type?: string][] = [];
  const n = { drawing: 0, chart: 0, image: 0, comments: 0, threads: 0, printer: 0 };
  spec.sheets.forEach((s, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    const ids: { printerSettings?: string; drawing?: string; legacyDrawing?: string } = {};
    if (s.printerSettings) {
      const name = `xl/printerSettings/printerSettings${++n.printer}.bin`;
      ids.printerSettings = pkg.relate(part, REL.printerSettings, name);
      later.push([name, printerSettings()]);
    }
    if (s.picture || s.chart) {
      const drawing = `xl/drawings/drawing${++n.drawing}.xml`;
      ids.drawing = pkg.relate(part, REL.drawing, drawing);
      const anchors: string[] = [];
      if (s.picture) {
        const image = `xl/media/image${++n.image}.png`;
        anchors.push(pictureAnchor(s.picture.anchor, pkg.relate(drawing, REL.image, image), anchors.length + 2, s.picture.descr));
        later.push([image, emblemPng()]);
      }
      if (s.chart) {
        const chart = `xl/charts/chart${++n.chart}.xml`;
        anchors.push(chartAnchor(s.chart.anchor, pkg.relate(drawing, REL.chart, chart), anchors.length + 2));
        later.push([chart, barChartXml(pkg, s.chart.title, s.name, s.chart.cats, s.chart.vals), CT.chart]);
      }
      later.push([drawing, drawingXml(pkg, anchors), CT.drawing]);
    }
    const notes = s.notes ?? [];
    const threads = s.threads ?? [];
    if (notes.length || threads.length) {
      const no = ++n.comments;
      const vml = `xl/drawings/vmlDrawing${no}.vml`;
      ids.legacyDrawing = pkg.relate(part, REL.vmlDrawing, vml);
      const comments = `xl/comments${no}.xml`;
      pkg.relate(part, REL.comments, comments);
      later.push([comments, commentsXml(pkg, notes, threads), CT.comments]);
      // Every note, a thread's placeholder too, has its shape.
      later.push([vml, notesVml([...notes.map((x) => x.ref), ...threads.map((t) => t.ref)], i + 1)]);
      if (threads.length) {
        const name = `xl/threadedComments/threadedComment${++n.threads}.xml`;
        pkg.relate(part, REL.threadedComment, name);
        later.push([name, threadedCommentsXml(pkg, threads), CT.threadedComments]);
      }
    }
    pkg.add(part, worksheetXml(pkg, sst, s.rows, { ...s.extras, tabSelected: i === 0 }, ids), CT.worksheet);
  });
  pkg.add('xl/theme/theme1.xml', themeXml(pkg), CT.theme);
  pkg.add('xl/styles.xml', stylesXml(pkg, spec.dxfs), CT.styles);
  pkg.add('xl/sharedStrings.xml', sst.xml(), CT.sharedStrings);
  for (const [name, data, type] of later) pkg.add(name, data, type);
  if (spec.persons) pkg.add(PERSON_LIST, personsXml(pkg, spec.persons), CT.persons);
  if (spec.customXml) {
    const c = spec.customXml;
    // Custom XML is the package's, outside xl/: an item and its properties, related from the item.
    pkg.add('customXml/item1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="no"?>${c.item}`);
    pkg.relate('customXml/item1.xml', REL.customXmlProps, 'customXml/itemProps1.xml');
    pkg.add(
      'customXml/itemProps1.xml',
      pkg.xml(`<ds:datastoreItem ds:itemID="${c.itemId}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${esc(c.schema)}"/></ds:schemaRefs></ds:datastoreItem>`),
      CT.customXmlProps,
    );
  }
  pkg.add('docProps/core.xml', coreXml(pkg), CT.coreProps);
  pkg.add('docProps/app.xml', appXml(pkg, spec), CT.appProps);
  if (spec.customProps) pkg.add('docProps/custom.xml', customPropsXml(pkg, spec.customProps), CT.customProps);
  return pkg.toZip();
}
