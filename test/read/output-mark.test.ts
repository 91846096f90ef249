/**
 * The mark of hoso's own workbooks, written onto a package exceljs made (markPackage) and read
 * back from a file's directory and property parts alone (hosoOutput): a marked file saved by
 * hoso is its output; the same file saved again by Excel, or anything damaged, is not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { editZip, readZip, writeZip } from '../../scripts/fixture-kit/zip.js';
import { hosoOutput } from '../../src/read/output-mark.js';
import { openXlsx } from '../../src/read/xlsx.js';
import { CUSTOM_PROPS_PART } from '../../src/write/mark.js';
import { markPackage } from '../../src/report/annotate/mark-package.js';
import { FIXTURES } from '../support/cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-mark-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const DOSSIER = path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx');

async function exceljsBook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Danh sách').addRow(['STT', 'Họ và tên']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function saved(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const text = (bytes: Uint8Array, part: string) => readZip(Buffer.from(bytes)).find((p) => p.name === part)?.data.toString('utf8');

describe('markPackage', () => {
  it('adds the custom property, its content type and relationship, and hoso as the application, keeping every other part', async () => {
    const plain = await exceljsBook();
    const marked = markPackage(plain, 'template', 'hoso-lint 9.9.9');
    expect(text(marked, CUSTOM_PROPS_PART)).toContain('name="hoso-lint"><vt:lpwstr>template hoso-lint 9.9.9</vt:lpwstr>');
    expect(text(marked, 'docProps/app.xml')).toContain('<Application>hoso-lint</Application>');
    expect(text(plain, 'docProps/app.xml')).not.toContain('hoso-lint');
    expect(text(marked, '[Content_Types].xml')).toContain('<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>');
    expect(text(marked, '_rels/.rels')).toMatch(/<Relationship Id="rId\d+" Type="[^"]*\/custom-properties" Target="docProps\/custom.xml"\/>/);
    // exceljs writes an entry for each folder: no part, and not carried over.
    const before = readZip(plain).filter((p) => !p.name.endsWith('/'));
    const after = new Map(readZip(Buffer.from(marked)).map((p) => [p.name, p.data]));
    expect(after.size).toBe(before.length + 1);
    const changed = ['docProps/app.xml', '[Content_Types].xml', '_rels/.rels'];
    for (const p of before) if (!changed.includes(p.name)) expect(after.get(p.name)?.equals(p.data), p.name).toBe(true);
    // Both readers still open it.
    const wb = await new ExcelJS.Workbook().xlsx.load(Buffer.from(marked));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh sách']);
    const source = await openXlsx(saved('marked.xlsx', marked));
    expect(source.sheets.map((s) => s.name)).toEqual(['Danh sách']);
    await source.close();
  });

  it('gives back a package already marked as it is', async () => {
    const once = markPackage(await exceljsBook(), 'report', 'hoso-lint 9.9.9');
    expect(markPackage(once, 'report', 'hoso-lint 9.9.9')).toBe(once);
  });

  it('numbers the mark after custom properties already there, and keeps them', async () => {
    const other = '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="7" name="Đơn vị"><vt:lpwstr>Xã A</vt:lpwstr></property>';
    const withCustom = markPackage(await exceljsBook(), 'template', 'x');
    const edited = editZip(Buffer.from(withCustom), (name, t) => (name === CUSTOM_PROPS_PART ? t.replace(/<property.*<\/property>/, other) : name === 'docProps/app.xml' ? t.replace('hoso-lint', 'Microsoft Excel') : undefined));
    const custom = text(markPackage(edited, 'annotated-copy', 'hoso-lint 9.9.9'), CUSTOM_PROPS_PART)!;
    expect(custom).toContain(other);
    expect(custom).toContain('pid="8" name="hoso-lint"><vt:lpwstr>annotated-copy hoso-lint 9.9.9</vt:lpwstr>');
  });
});

describe('hosoOutput', () => {
  it('knows each kind of output hoso saved', async () => {
    const plain = await exceljsBook();
    for (const kind of ['annotated-copy', 'report', 'template'] as const) expect(hosoOutput(saved(`${kind}.xlsx`, markPackage(plain, kind, 'hoso-lint 9.9.9')))).toBe(kind);
  });

  it('takes a marked file saved again by another application for a dossier', async () => {
    const marked = Buffer.from(markPackage(await exceljsBook(), 'annotated-copy', 'hoso-lint 9.9.9'));
    const resaved = editZip(marked, (name, t) => (name === 'docProps/app.xml' ? t.replace('<Application>hoso-lint</Application>', '<Application>Microsoft Excel</Application>') : undefined));
    expect(text(resaved, CUSTOM_PROPS_PART)).toContain('annotated-copy hoso-lint');
    expect(hosoOutput(saved('resaved.xlsx', resaved))).toBeUndefined();
  });

  it('takes a file with half the mark, or none, for a dossier', async () => {
    const marked = Buffer.from(markPackage(await exceljsBook(), 'report', 'hoso-lint 9.9.9'));
    const noCustom = editZip(marked, (name) => (name === CUSTOM_PROPS_PART ? null : undefined));
    const otherKind = editZip(marked, (name, t) => (name === CUSTOM_PROPS_PART ? t.replace('report hoso-lint', 'macro hoso-lint') : undefined));
    expect(hosoOutput(saved('no-custom.xlsx', noCustom))).toBeUndefined();
    expect(hosoOutput(saved('other-kind.xlsx', otherKind))).toBeUndefined();
    expect(hosoOutput(DOSSIER)).toBeUndefined();
  });

  it('answers "not hoso\'s" for what is not a readable zip, never throwing', async () => {
    const marked = Buffer.from(markPackage(await exceljsBook(), 'report', 'hoso-lint 9.9.9'));
    expect(hosoOutput(saved('cut.xlsx', marked.subarray(0, marked.length - 10)))).toBeUndefined();
    expect(hosoOutput(saved('empty.xlsx', Buffer.alloc(0)))).toBeUndefined();
    expect(hosoOutput(saved('text.xlsx', Buffer.from('STT,Họ và tên\n')))).toBeUndefined();
    expect(hosoOutput(path.join(dir, 'missing.xlsx'))).toBeUndefined();
    // Two entries for the property part: the reader refuses such a file, so it is left to the reader.
    const parts = readZip(marked);
    expect(hosoOutput(saved('once.xlsx', writeZip(parts)))).toBe('report');
    expect(hosoOutput(saved('twice.xlsx', writeZip([...parts, parts.find((p) => p.name === CUSTOM_PROPS_PART)!])))).toBeUndefined();
  });
});
