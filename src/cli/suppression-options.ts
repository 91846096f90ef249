/**
 * `check`'s options for reviewed exceptions (hoso-suppressions.json, as ESLint's bulk
 * suppressions), declared without the code that reads and writes the file (suppressions.ts).
 */
import type { Command } from 'commander';

export interface SuppressionOptions {
  suppress?: boolean;
  pruneSuppressions?: boolean;
  suppressionsLocation?: string;
  /** False with --no-suppressions. */
  suppressions?: boolean;
}

export function addSuppressionOptions(program: Command): void {
  const check = program.commands.find((c) => c.name() === 'check')!;
  check
    .option('--suppress', 'accept every current finding in the suppressions file (reasons already written are kept)')
    .option('--prune-suppressions', 'remove from the suppressions file what no longer occurs')
    .option('--suppressions-location <file>', 'the suppressions file (default: hoso-suppressions.json beside the config in force, or in the current folder)')
    .option('--no-suppressions', 'do not read the suppressions file');
}
