/**
 * The names a page's annotated copies take (copyNames): those `--annotate` gives the same files
 * given by the same relative paths (planCopies, on files on disk), collisions included, with no
 * file system and no working folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyNames } from '../../src/report/copy-names.js';
import { planCopies } from '../../src/report/placement.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-copy-names-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const nfc = 'Hồ sơ.xlsx';
const nfd = nfc.normalize('NFD');

/** [what, the files' relative paths, the folders given (none: the files themselves), the names wanted]. */
const CASES: [string, string[], string[], string[]][] = [
  ['a file alone, whatever folders lead to it', ['ho-so/xa-a/a.xlsx'], [], ['a.xlsx']],
  ['two units’ files of one name, under the folder dropped', ['ho-so/xa-a/ds.xlsx', 'ho-so/xa-b/ds.xlsx'], ['ho-so'], ['xa-a/ds.xlsx', 'xa-b/ds.xlsx']],
  ['a dropped folder whose files are all deeper', ['vi-du/con/a.xlsx', 'vi-du/con/b.csv'], ['vi-du'], ['con/a.xlsx', 'con/b.xlsx']],
  ['the same files, given one by one', ['vi-du/con/a.xlsx', 'vi-du/con/b.csv'], [], ['a.xlsx', 'b.xlsx']],
  ['a CSV whose copy would take a workbook’s name', ['a.csv', 'a.xlsx'], [], ['a (csv).xlsx', 'a.xlsx']],
  ['names equal but for case or Unicode form', ['A.xlsx', 'a.xlsx', nfc, nfd, 'HỒ SƠ.xlsx'], [], ['A.xlsx', 'a (2).xlsx', nfc, `${nfd.slice(0, -5)} (2).xlsx`, 'HỒ SƠ (3).xlsx']],
  ['a name that is a folder of another copy', ['a.csv', 'A.xlsx/b.xlsx'], [], ['a (csv).xlsx', 'A.xlsx/b.xlsx']],
];

describe('copyNames', () => {
  it.each(CASES)('%s: the names wanted', (_, files, folders, wanted) => {
    expect([...copyNames(files, folders).values()]).toEqual(wanted);
  });

  it.each(CASES)('%s: the names --annotate gives the files on disk', (what, files, folders, wanted) => {
    const root = path.join(tmp, String(CASES.findIndex((c) => c[0] === what)));
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), '');
    }
    const given = (folders.length ? folders : files).map((g) => path.join(root, g));
    const plan = planCopies({ dir: 'ann', given }, files.map((f) => path.join(root, f)));
    expect([...plan.values()].map((c) => path.relative('ann', c).split(path.sep).join('/'))).toEqual(wanted);
  });

  it('never climbs out of the folder the copies go into, nor names one absolutely', () => {
    const names = [...copyNames(['../../x.xlsx', '/abs/y.csv', 'b/../../z.xlsx']).values()];
    expect(names).toEqual(['x.xlsx', 'abs/y.xlsx', 'z.xlsx']);
  });
});
