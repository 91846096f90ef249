/**
 * The fidelity suite: `hoso check --annotate` on workbooks saved as Excel and LibreOffice save
 * them (fixtures/fidelity/, written by scripts/fixture-kit/fidelity.ts: shared styles and
 * formulas, rich text, notes, threaded comments, a chart, a picture, validations, conditional
 * formats, names, merges, panes, print settings, a hidden sheet, custom XML, a data sheet named
 * as the findings sheet). The copy must keep, byte for byte, every part the annotation need not
 * change; in the sheets with findings only the flagged cells may change, each to a copy of its
 * own style with a fill; every note, sheet, name and visibility is kept; the copy opens in
 * exceljs and re-checks to the same findings; the input is left as it was.
 *
 * Each workbook is built afresh into a temporary folder by the generator (the last test ties the
 * committed fixtures to it), annotated by the built CLI, and its copy read part by part.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWorkbook } from '../../scripts/fixture-kit/book-writer.js';
import { fidelityFixtures, writeFidelityFixtures, type FidelityFixture } from '../../scripts/fixture-kit/fidelity.js';
import { FIXTURES, hoso, type Report, type ReportFinding, type Run } from '../support/cli.js';
import {
  canonical,
  child,
  contentTypes,
  elements,
  noteShapes,
  notesOf,
  parseXml,
  readPackage,
  relationships,
  relsName,
  relsSource,
  REL_COMMENTS,
  REL_VML,
  sheetCells,
  sheetData,
  WORKBOOK,
  workbookSheets,
  type Parts,
  type SheetEntry,
  type XmlNode,
} from '../support/package.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 600_000 });

/**
 * The parts an annotated copy may change, each with why; every other part of the input must come
 * through byte for byte: charts, drawings, pictures, threaded comments and persons, printer
 * settings, custom XML, docProps/core.xml, the shared strings (the findings sheet writes its
 * text inline, so every cell's index into them stays good) and every sheet without a finding
 * with all it relates to.
 */
const MAY_CHANGE = {
  fixed: {
    '[Content_Types].xml': 'types the parts added (the findings sheet, comments and VML drawings)',
    '_rels/.rels': 'relates docProps/custom.xml when the input had none (the mark of a file hoso wrote)',
    'xl/workbook.xml': 'lists the findings sheet',
    'xl/_rels/workbook.xml.rels': 'relates the findings sheet',
    'xl/styles.xml': "the flagged cells' styles, appended",
    'docProps/app.xml': 'counts and names the findings sheet',
    'docProps/custom.xml': 'carries the mark of a file hoso wrote',
  } as Record<string, string>,
  /** Of a sheet with findings: the sheet, its relationships and the parts holding its notes. */
  ofTouchedSheet: [REL_COMMENTS, REL_VML],
} as const;

/** The fill of a flagged cell, by the worst severity found in it. */
const FILL = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' } as const;
const RANK = { error: 0, warning: 1, info: 2 } as const;
type Severity = keyof typeof FILL;

/** Loads the file in exceljs (from its bytes, as a browser page would), throwing if exceljs cannot. */
const loadInExcelJS = (file: string) => new ExcelJS.Workbook().xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const nfc = (s: string) => s.normalize('NFC');
/** How Excel tells sheet names apart: without case; and a name typed decomposed is the same name. */
const fold = (s: string) => s.normalize('NFC').toLowerCase();
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const cellOf = (f: { column?: string; row?: number }) => `${f.column}${f.row}`;

interface Outcome {
  fixture: FidelityFixture;
  input: string;
  before: string;
  inputParts: Parts;
  /** The run that checked and annotated the input, with `-f json`. */
  run: Run;
  report: Report;
  /** The .xlsx files the run wrote under its annotate folder. */
  copies: string[];
  copy?: { file: string; parts: Parts; recheck: Run };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-fidelity-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const outcomes = new Map<string, Outcome>();

async function annotate(fixture: FidelityFixture): Promise<Outcome> {
  const dir = path.join(tmp, path.basename(fixture.file, '.xlsx'));
  const input = path.join(dir, 'in', fixture.file);
  fs.mkdirSync(path.dirname(input), { recursive: true });
  fs.writeFileSync(input, buildWorkbook(fixture.spec));
  const before = sha(input);
  const out = path.join(dir, 'ann');
  const run = await hoso(['check', input, '-f', 'json', '--annotate', out]);
  const copies = fs.existsSync(out) ? fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(out, f)) : [];
  const outcome: Outcome = { fixture, input, before, inputParts: readPackage(fs.readFileSync(input)), run, report: JSON.parse(run.stdout), copies };
  if (copies.length === 1) outcome.copy = { file: copies[0], parts: readPackage(fs.readFileSync(copies[0])), recheck: await hoso(['check', copies[0], '-f', 'json']) };
  return outcome;
}

beforeAll(async () => {
  // Two at a time: each run is a node process, and the other test files want the cores too.
  const queue = [...fidelityFixtures()];
  const work = async () => {
    for (let f = queue.shift(); f; f = queue.shift()) outcomes.set(f.file, await annotate(f));
  };
  await Promise.all([work(), work()]);
});

// ---------------------------------------------------------------------------------------------
// What the tests derive from a run

/** The copy, or a failure that says why there is none. */
function copyOf(o: Outcome): NonNullable<Outcome['copy']> {
  expect(o.copies, `one annotated copy (stderr: ${o.run.stderr})`).toHaveLength(1);
  return o.copy!;
}

const sheetOf = (sheets: SheetEntry[], name: string) => sheets.find((s) => nfc(s.name) === nfc(name));

/**
 * A sheet's title cell, where a finding about the whole sheet goes (README, `--annotate`): its
 * first cell holding a value, the top-left of the block; A1 in every fixture here.
 */
function titleCell(sheet: XmlNode): string {
  for (const row of elements(sheetData(sheet), 'row')) {
    for (const c of elements(row, 'c')) if (child(c, 'v') || child(c, 'is')) return c.attrs.r;
  }
  return 'A1';
}

interface Touched {
  entry: SheetEntry;
  /** The cells the findings flag, each with its findings. */
  flagged: Map<string, ReportFinding[]>;
}

/** The sheets with findings, each with the cells flagged (a finding about the whole sheet flags its title cell). */
function touchedSheets(o: Outcome): Touched[] {
  const sheets = workbookSheets(o.inputParts);
  const out = new Map<string, Touched>();
  for (const f of o.report.findings) {
    expect(f.sheet, `${f.ruleId}: a finding names its sheet`).toBeDefined();
    const entry = sheetOf(sheets, f.sheet!)!;
    expect(entry, `sheet ${f.sheet} is in the workbook`).toBeDefined();
    const t = out.get(entry.part) ?? { entry, flagged: new Map() };
    out.set(entry.part, t);
    const cell = f.row !== undefined ? cellOf(f) : titleCell(parseXml(o.inputParts.get(entry.part)!, entry.part));
    t.flagged.set(cell, [...(t.flagged.get(cell) ?? []), f]);
  }
  return [...out.values()];
}

/** The sheet the annotation added: the one of the copy whose name no sheet of the input has. */
function addedSheets(o: Outcome, copy: Parts): SheetEntry[] {
  const before = new Set(workbookSheets(o.inputParts).map((s) => s.name));
  return workbookSheets(copy).filter((s) => !before.has(s.name));
}

/** The parts the copy may hold changed or new: MAY_CHANGE resolved against the input and the copy. */
function mayChange(o: Outcome, copy: Parts): Set<string> {
  const out = new Set(Object.keys(MAY_CHANGE.fixed));
  for (const { entry } of touchedSheets(o)) {
    out.add(entry.part).add(relsName(entry.part));
    for (const parts of [o.inputParts, copy]) {
      for (const r of relationships(parts, entry.part).values()) if ((MAY_CHANGE.ofTouchedSheet as readonly string[]).includes(r.type)) out.add(r.target);
    }
  }
  for (const s of addedSheets(o, copy)) out.add(s.part).add(relsName(s.part));
  return out;
}

/** A relationship part's links as type → target, for comparing two writers' ids. */
const links = (parts: Parts, source: string) => [...relationships(parts, source).values()].map((r) => `${r.type} → ${r.target}`).sort(byText);

/** A sheet's element with its relationship ids written as the parts they point at. */
const resolved = (parts: Parts, part: string) => {
  const rels = relationships(parts, part);
  return (n: XmlNode) => canonical(n, (k, v) => (k === 'r:id' || k === 'r:embed' ? `→${rels.get(v)?.target}` : v));
};

// ---------------------------------------------------------------------------------------------

describe.each(fidelityFixtures().map((f) => [f.file, f] as const))('%s', (file, fixture) => {
  const o = () => outcomes.get(file)!;

  it(`is a dossier hoso and exceljs read, with the findings its defects put in: ${fixture.description}`, async () => {
    const { run, report, inputParts } = o();
    expect(run.stderr, 'nothing on stderr').toBe('');
    expect(report.summary).toMatchObject({ files: 1, unreadable: 0 });
    const got = report.findings.map((f) => `${f.ruleId} ${f.severity} ${nfc(f.sheet ?? '')} ${f.row !== undefined ? cellOf(f) : ''}`.trim()).sort(byText);
    const want = fixture.expect.map((e) => `${e.ruleId} ${e.severity} ${nfc(e.sheet)} ${e.cell ?? ''}`.trim()).sort(byText);
    expect(got).toEqual(want);
    await loadInExcelJS(o().input);
    for (const [name, data] of inputParts) if (/\.(xml|rels|vml)$/.test(name)) parseXml(data, name);
  });

  it('leaves the input as it was, and writes nothing beside it', () => {
    expect(sha(o().input)).toBe(o().before);
    expect(fs.readdirSync(path.dirname(o().input))).toEqual([file]);
  });

  it('writes a copy every XML part of which is well-formed', () => {
    const { parts } = copyOf(o());
    const broken: string[] = [];
    for (const [name, data] of parts) {
      if (!/\.(xml|rels|vml)$/i.test(name)) continue;
      try {
        parseXml(data, name);
      } catch (e) {
        broken.push(`${name}: ${(e as Error).message}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('copies byte for byte every part the annotation need not change', () => {
    const { parts } = copyOf(o());
    const may = mayChange(o(), parts);
    const differ = [...o().inputParts].filter(([name, data]) => !may.has(name) && !parts.get(name)?.equals(data)).map(([name]) => (parts.has(name) ? `${name} changed` : `${name} missing`));
    expect(differ).toEqual([]);
  });

  it('keeps every part of the input, and adds only the findings sheet and the notes of the sheets with findings', () => {
    const { parts } = copyOf(o());
    expect([...o().inputParts.keys()].filter((name) => !parts.has(name))).toEqual([]);
    const may = mayChange(o(), parts);
    expect([...parts.keys()].filter((name) => !o().inputParts.has(name) && !may.has(name))).toEqual([]);
    expect(addedSheets(o(), parts)).toHaveLength(1);
  });

  it('relates and types every part: no relationship points at nothing, each part keeps its content type', () => {
    const { parts } = copyOf(o());
    const typeIn = contentTypes(o().inputParts);
    const typeOut = contentTypes(parts);
    const problems: string[] = [];
    for (const name of parts.keys()) {
      const source = relsSource(name);
      if (source !== undefined) {
        for (const [id, r] of relationships(parts, source)) if (!r.external && !parts.has(r.target)) problems.push(`${name} ${id} → ${r.target}: no such part`);
      } else if (name !== '[Content_Types].xml') {
        if (!typeOut(name)) problems.push(`${name}: no content type`);
        else if (o().inputParts.has(name) && typeOut(name) !== typeIn(name)) problems.push(`${name}: ${typeIn(name)} became ${typeOut(name)}`);
      }
    }
    expect(problems).toEqual([]);
    // Whatever relationship a changed part had, it keeps (ids may differ; what they point at may not).
    for (const source of ['', WORKBOOK, ...touchedSheets(o()).map((t) => t.entry.part)]) {
      const kept = links(parts, source);
      expect(links(o().inputParts, source).filter((l) => !kept.includes(l)), `relationships of ${source || 'the package'}`).toEqual([]);
    }
  });

  it('restyles exactly the flagged cells, each to a copy of its own style with the fill of its worst finding, and changes no value', () => {
    const { parts } = copyOf(o());
    const styles = (p: Parts) => parseXml(p.get('xl/styles.xml')!, 'xl/styles.xml');
    const [sIn, sOut] = [styles(o().inputParts), styles(parts)];
    const xfs = (s: XmlNode) => elements(child(s, 'cellXfs')!, 'xf');
    const fills = (s: XmlNode) => elements(child(s, 'fills')!, 'fill');
    for (const { entry, flagged } of touchedSheets(o())) {
      const before = sheetCells(parseXml(o().inputParts.get(entry.part)!, entry.part));
      const after = sheetCells(parseXml(parts.get(entry.part)!, entry.part));
      const where = `${entry.name}!`;
      for (const [ref, c] of before) expect(after.get(ref)?.value, `${where}${ref} keeps its value`).toBe(c.value);
      const restyled = [...after].filter(([ref, c]) => (before.get(ref)?.s ?? -1) !== c.s).map(([ref]) => ref);
      expect(restyled.sort(byText), `${where} the cells restyled`).toEqual([...flagged.keys()].sort(byText));
      // A flagged cell the input did not write is added empty.
      for (const ref of restyled) if (!before.has(ref)) expect(after.get(ref)!.value, `${where}${ref} added`).toBe('<c></c>');

      for (const [ref, findings] of flagged) {
        const old = xfs(sIn)[before.get(ref)?.s ?? 0];
        const now = xfs(sOut)[after.get(ref)!.s];
        expect(now, `${where}${ref}: its style exists`).toBeDefined();
        const kept = (x: XmlNode) => canonical(x, (k, v) => (/^(fillId|applyFill|borderId|applyBorder)$/.test(k) ? undefined : v));
        expect(kept(now), `${where}${ref}: a copy of its style`).toBe(kept(old));
        const worst = findings.map((f) => f.severity as Severity).sort((a, b) => RANK[a] - RANK[b])[0];
        const pattern = child(fills(sOut)[Number(now.attrs.fillId)], 'patternFill');
        expect(pattern?.attrs.patternType, `${where}${ref}: a solid fill`).toBe('solid');
        expect(child(pattern!, 'fgColor')?.attrs.rgb, `${where}${ref}: ${worst}`).toBe(FILL[worst]);
      }
    }
  });

  it('only appends to the styles: every number format, font, fill, border, style and differential format keeps its index', () => {
    const { parts } = copyOf(o());
    const sIn = parseXml(o().inputParts.get('xl/styles.xml')!, 'styles');
    const sOut = parseXml(parts.get('xl/styles.xml')!, 'styles');
    for (const list of elements(sIn)) {
      const now = child(sOut, list.name);
      expect(now, list.name).toBeDefined();
      const items = (n: XmlNode) => elements(n).map((x) => canonical(x));
      expect(items(now!).slice(0, items(list).length), list.name).toEqual(items(list));
    }
  });

  it('keeps everything of a flagged sheet but its cells: rows, merges, panes, validations, conditional formats, filter, print settings, drawings', () => {
    const { parts } = copyOf(o());
    for (const { entry, flagged } of touchedSheets(o())) {
      const [before, after] = [parseXml(o().inputParts.get(entry.part)!, entry.part), parseXml(parts.get(entry.part)!, entry.part)];
      const [ofIn, ofOut] = [resolved(o().inputParts, entry.part), resolved(parts, entry.part)];
      for (const [k, v] of Object.entries(before.attrs)) expect(after.attrs[k], `${entry.name}: <worksheet ${k}>`).toBe(v);
      // The notes' drawing may be added to a sheet that had none; any other element is kept as it
      // was, but for which tab is selected: that follows the workbook's active tab, which the
      // annotation may make the findings sheet.
      const unselected = (x: XmlNode): XmlNode => ({ ...x, attrs: x.name === 'sheetView' ? { ...x.attrs, tabSelected: '0' } : x.attrs, children: x.children.map((c) => (typeof c === 'string' ? c : unselected(c))) });
      const others = (n: XmlNode, of: (x: XmlNode) => string) => elements(n).filter((e) => e.name !== 'sheetData' && e.name !== 'legacyDrawing').map((e) => of(unselected(e)));
      expect(others(after, ofOut), entry.name).toEqual(others(before, ofIn));
      const legacy = child(before, 'legacyDrawing');
      if (legacy) expect(ofOut(child(after, 'legacyDrawing')!), `${entry.name}: its notes' drawing`).toBe(ofIn(legacy));
      // Rows keep their height, hiding and outline; `spans` is only a hint of the cells a row holds.
      const rows = (n: XmlNode) => new Map(elements(sheetData(n), 'row').map((r) => [r.attrs.r, canonical({ ...r, children: [] }, (k, v) => (k === 'spans' ? undefined : v))]));
      const [rowsIn, rowsOut] = [rows(before), rows(after)];
      for (const [r, attrs] of rowsIn) expect(rowsOut.get(r), `${entry.name} row ${r}`).toBe(attrs);
      const flaggedRows = new Set([...flagged.keys()].map((ref) => /\d+$/.exec(ref)![0]));
      expect([...rowsOut.keys()].filter((r) => !rowsIn.has(r) && !flaggedRows.has(r)), `${entry.name}: rows added`).toEqual([]);
    }
  });

  it("keeps every note with its author and shape; a flagged cell's note keeps its text with the finding under it", () => {
    const { parts } = copyOf(o());
    const notesIn = (p: Parts, part: string) => {
      const comments = [...relationships(p, part).values()].find((r) => r.type === REL_COMMENTS);
      return comments ? notesOf(parseXml(p.get(comments.target)!, comments.target)) : new Map();
    };
    for (const { entry, flagged } of touchedSheets(o())) {
      const before = notesIn(o().inputParts, entry.part);
      const after = notesIn(parts, entry.part);
      const vml = [...relationships(parts, entry.part).values()].find((r) => r.type === REL_VML);
      const shapes = vml ? noteShapes(parseXml(parts.get(vml.target)!, vml.target)) : new Set<string>();
      for (const [ref, note] of before) {
        const now = after.get(ref);
        expect(now?.author, `${entry.name}!${ref}: its author`).toBe(note.author);
        if (!flagged.has(ref)) expect(now!.text, `${entry.name}!${ref}`).toBe(note.text);
        else expect(now!.text.startsWith(note.text), `${entry.name}!${ref} begins with its note:\n${now!.text}`).toBe(true);
      }
      for (const [ref, findings] of flagged) {
        const text = after.get(ref)?.text ?? '';
        const rest = text.slice(before.get(ref)?.text.length ?? 0);
        for (const f of findings) expect(rest, `${entry.name}!${ref}`).toContain(`[${f.ruleId}] ${f.message}`);
      }
      expect([...after.keys()].filter((ref) => !shapes.has(ref)), `${entry.name}: notes without a shape`).toEqual([]);
    }
  });

  it('adds a findings sheet whose name is no sheet\'s, and keeps every sheet with its name, order and visibility, and every defined name', () => {
    const { parts } = copyOf(o());
    const before = workbookSheets(o().inputParts);
    const after = workbookSheets(parts);
    const added = addedSheets(o(), parts);
    expect(added).toHaveLength(1);
    expect(before.map((s) => fold(s.name)), `«${added[0].name}» is the name of a sheet already there`).not.toContain(fold(added[0].name));
    expect(added[0].state).toBe('visible');
    const kept = after.filter((s) => s.name !== added[0].name);
    expect(kept.map((s) => [s.name, s.state, s.part])).toEqual(before.map((s) => [s.name, s.state, s.part]));

    const names = (p: Parts) => {
      const sheets = workbookSheets(p);
      const list = child(parseXml(p.get(WORKBOOK)!, WORKBOOK), 'definedNames');
      return (list ? elements(list, 'definedName') : []).map((d) => {
        const scope = d.attrs.localSheetId === undefined ? '' : `${sheets[Number(d.attrs.localSheetId)]?.name}!`;
        return `${scope}${d.attrs.name} hidden=${/^(1|true)$/.test(d.attrs.hidden ?? '')} = ${d.children.join('')}`;
      });
    };
    const now = names(parts);
    expect(names(o().inputParts).filter((n) => !now.includes(n))).toEqual([]);
  });

  it('writes a copy that opens in exceljs and re-checks to the same findings, the findings sheet aside', async () => {
    const { parts, recheck, file: copy } = copyOf(o());
    await loadInExcelJS(copy);
    expect(recheck.stderr).toBe('');
    expect(recheck.code).toBe(o().run.code);
    const added = addedSheets(o(), parts).map((s) => s.name);
    const what = (r: Report) => r.findings.filter((f) => !added.includes(f.sheet ?? '')).map((f) => [f.ruleId, f.severity, f.sheet, f.row, f.column, f.message]);
    expect(what(JSON.parse(recheck.stdout))).toEqual(what(o().report));
  });
});

describe('the fidelity fixtures', () => {
  it('are written by the generator, byte for byte the same on every run', () => {
    const [a, b] = ['a', 'b'].map((d) => writeFidelityFixtures(path.join(tmp, 'generated', d)));
    const committed = path.join(FIXTURES, 'fidelity');
    expect(fs.readdirSync(committed).sort(byText)).toEqual(a.map((f) => path.basename(f)).sort(byText));
    a.forEach((f, i) => {
      expect(fs.readFileSync(f).equals(fs.readFileSync(b[i])), `${path.basename(f)}: two runs`).toBe(true);
      expect(fs.readFileSync(f).equals(fs.readFileSync(path.join(committed, path.basename(f)))), `${path.basename(f)}: run \`npm run fixtures\``).toBe(true);
    });
  });
});
