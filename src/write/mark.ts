/**
 * The mark every workbook hoso writes carries in its document properties — an annotated copy, a
 * report, a template — so that a later check of the folder it was written into knows it for
 * hoso's own output and does not take it for a dossier. Two properties together make the mark: a
 * custom property "hoso-lint" naming what the file is, and the application that saved it,
 * "hoso-lint". When an officer opens a copy in Excel (or LibreOffice) and saves it, the
 * application becomes theirs while the custom property stays: the file is then a dossier again,
 * edited by a person, and is checked.
 */
import { escapeXml } from '../format/xml-text.js';

export type OutputKind = 'annotated-copy' | 'report' | 'template';

export const MARK_PROPERTY = 'hoso-lint';
export const MARK_APPLICATION = 'hoso-lint';

export const CUSTOM_PROPS_PART = 'docProps/custom.xml';
export const CUSTOM_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
export const CUSTOM_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
export const APP_PROPS_PART = 'docProps/app.xml';
export const APP_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.extended-properties+xml';
export const APP_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties';

const NS_CUSTOM = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
export const NS_VT = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
/** The format id every user-defined custom property carries (ECMA-376 Part 1, §22.3.2.2). */
const FMTID_USER = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/** The mark's value: what the file is and which hoso wrote it, e.g. "annotated-copy hoso-lint 0.1.0". */
export const markValue = (kind: OutputKind, generator: string): string => `${kind} ${generator}`;

/** One custom property, as it stands in docProps/custom.xml; `pid` numbers from 2. */
export const markProperty = (kind: OutputKind, generator: string, pid: number): string =>
  `<property fmtid="${FMTID_USER}" pid="${pid}" name="${MARK_PROPERTY}"><vt:lpwstr>${escapeXml(markValue(kind, generator))}</vt:lpwstr></property>`;

/** docProps/custom.xml holding the mark alone, for a workbook that had no custom properties. */
export const customPropsXml = (kind: OutputKind, generator: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${NS_CUSTOM}" xmlns:vt="${NS_VT}">${markProperty(kind, generator, 2)}</Properties>`;

/** docProps/app.xml of a workbook hoso made from nothing: the application, and its sheets' names. */
export function appPropsXml(sheets: string[]): string {
  const names = sheets.map((s) => `<vt:lpstr>${escapeXml(s)}</vt:lpstr>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="${NS_VT}">` +
    `<Application>${MARK_APPLICATION}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
    `<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`
  );
}
