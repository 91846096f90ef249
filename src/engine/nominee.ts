/** Who a nominee row is about, as findings carry it (see Finding.nominee). */
import type { Finding, RowView } from './types.js';

/** The name column's key: the bundled `chung` pack declares it, and a row without it is no nominee. */
export const NAME_KEY = 'ten';

export type Who = Pick<Finding, 'nominee' | 'unit'>;

/** The row's name as typed (none when its name cell is empty) and the unit putting it forward. */
export function nomineeOf(row: RowView): Who {
  const name = row.cell(NAME_KEY)?.text;
  return name ? { nominee: name, unit: row.unit } : { unit: row.unit };
}

/** Sets who a finding on a row is about; a finding about a sheet or a group carries its `group` instead. */
export function setWho(f: Finding, who: Who | undefined): void {
  if (who?.nominee !== undefined) f.nominee = who.nominee;
  if (who?.unit !== undefined) f.unit = who.unit;
}
