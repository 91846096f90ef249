/**
 * The options linters' users expect of any linter (colour, standard input, ignore patterns),
 * added to the commands that take them in one place, after the commands are built.
 */
import type { Command } from 'commander';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export interface ConventionOptions {
  color?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  ignorePattern?: string[];
}

export function addConventions(program: Command): void {
  for (const cmd of program.commands) {
    const name = cmd.name();
    if (name === 'check' || name === 'inspect') cmd.option('--color', 'colour the report even when not a terminal').option('--no-color', 'never colour the report');
    if (name === 'check')
      cmd
        .option('--stdin', 'read one workbook or CSV from standard input (as the path -)')
        .option('--stdin-filename <name>', 'the name findings on standard input are reported under; its extension (.xlsx or .csv) says the format');
    if (name === 'check' || name === 'report') cmd.option('--ignore-pattern <glob>', 'pass over files and folders matching the glob, relative to the current folder (repeatable)', collect);
  }
}
