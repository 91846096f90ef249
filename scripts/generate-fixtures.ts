/**
 * Writes the example dossiers of fixtures/ and fixtures/expected.json, the findings the bundled
 * rules must produce on each. Every dossier is built from rows and a list of deliberate defects
 * (scripts/fixture-kit/); the expected findings come from those defects, never from the tool.
 *
 *   npm run build && npm run fixtures            # into fixtures/
 *   node dist/scripts/generate-fixtures.js DIR   # into another folder (the reproducibility test)
 *
 * Deterministic: no clock, no unseeded randomness; workbooks carry a fixed creation date, so a
 * second run writes the same cells (the zip bytes may still differ by their entries' timestamps).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDossier, type ExpectedEntry, type ExpectedFinding } from './fixture-kit/dossier.js';
import { awardFixtures } from './fixture-kit/awards.js';
import { historyFixtures, HISTORY_DIR, writeHistoryDecisions } from './fixture-kit/history.js';
import { exampleFixtures } from './fixture-kit/examples.js';
import { writeFidelityFixtures } from './fixture-kit/fidelity.js';
import { fieldFixtures } from './fixture-kit/fields.js';
import { layoutFixtures } from './fixture-kit/layouts.js';
import { profileFixtures } from './fixture-kit/profiles.js';
import { readingCsvFixtures, readingFixtures } from './fixture-kit/reading.js';
import { REFERENCE_DIR, writeReferenceTemplates } from './fixture-kit/reference.js';
import { writeFilledReferenceTemplates } from './fixture-kit/reference-filled.js';

/** What the generator owns inside the output folder: removed and written afresh on every run. */
/** Workbooks written at the package level for the annotated copies (test/report/fidelity.test.ts): not in expected.json. */
const FIDELITY_DIR = 'fidelity';
const OWNED = ['fields', 'profiles', 'layout', 'csv', 'vi-du', 'awards', HISTORY_DIR, REFERENCE_DIR, FIDELITY_DIR, 'expected.json'];

function columnNumber(letters = ''): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** The order findings are listed in: file, sheet, row, column, rule. */
function byPlace(a: ExpectedFinding, b: ExpectedFinding): number {
  return (
    a.file.localeCompare(b.file) ||
    (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
    (a.row ?? -1) - (b.row ?? -1) ||
    columnNumber(a.column) - columnNumber(b.column) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const outDir = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'fixtures'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const p of OWNED) fs.rmSync(path.join(outDir, p), { recursive: true, force: true });

  const entries = [...fieldFixtures(), ...profileFixtures(), ...layoutFixtures(), ...readingFixtures(), ...readingCsvFixtures(), ...exampleFixtures(), ...awardFixtures(), ...historyFixtures()];
  const expected: Record<string, ExpectedEntry> = {};
  let files = 0;
  for (const e of entries) {
    if (expected[e.path]) throw new Error(`two fixtures at ${e.path}`);
    const findings: ExpectedFinding[] = [];
    const nonNomineeRows: ExpectedEntry['nonNomineeRows'] = {};
    for (const d of e.dossiers) {
      const written = await writeDossier(outDir, d);
      findings.push(...written.findings);
      nonNomineeRows[written.file] = written.nonNomineeRows;
      files++;
    }
    findings.push(...(e.expect ?? []));
    findings.sort(byPlace);
    expected[e.path] = {
      description: e.description,
      profiles: e.profiles,
      ...(e.config ? { config: e.config } : {}),
      ...(e.history ? { history: e.history } : {}),
      exit: findings.some((f) => f.severity === 'error') ? 1 : 0,
      defects: e.defects,
      findings,
      nonNomineeRows,
    };
  }
  // The commendation system's templates filled in for the Law's awards: written by their own
  // builders (reference.ts), their findings stated beside them.
  const filled = await writeFilledReferenceTemplates(outDir);
  for (const [file, entry] of Object.entries(filled)) {
    if (expected[file]) throw new Error(`two fixtures at ${file}`);
    expected[file] = { ...entry, findings: [...entry.findings].sort(byPlace) };
    files++;
  }
  fs.writeFileSync(path.join(outDir, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  // Templates as a system ships them, not dossiers with defects: not in expected.json.
  files += await writeReferenceTemplates(outDir);
  files += writeFidelityFixtures(path.join(outDir, FIDELITY_DIR)).length;
  // The past decisions the history fixtures are checked against (test/history/), not dossiers.
  files += await writeHistoryDecisions(outDir);
  process.stdout.write(`${entries.length + Object.keys(filled).length} fixtures (${files} files) written to ${path.relative(process.cwd(), outDir) || '.'}\n`);
}

await main();
