/**
 * @module init
 * `incident-comms init`: writes the starter runbook shipped with `@incident-comms/core` (every
 * section explained in comments) so a new project starts from a file that passes `runbook check`.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { CliInputError } from './io';

/** Where the starter runbook lives: core's `./runbook.example.yaml` export, as installed. */
export function starterRunbookPath(): string {
  return createRequire(import.meta.url).resolve('@incident-comms/core/runbook.example.yaml');
}

/**
 * Writes the starter runbook to `file`; never overwrites one.
 *
 * @param file - where to write it, e.g. `runbook.yaml`.
 * @returns the path written.
 * @throws {CliInputError} `cli_input_invalid` when `file` exists or cannot be written.
 * @example
 * await writeStarterRunbook('runbook.yaml'); // then: incident-comms runbook check runbook.yaml
 */
export async function writeStarterRunbook(file: string): Promise<string> {
  if (existsSync(file)) throw new CliInputError(`${file} already exists; init never overwrites a runbook`);
  const text = await readFile(starterRunbookPath(), 'utf8');
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    throw new CliInputError(
      `Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return file;
}
