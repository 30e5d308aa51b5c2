/**
 * @module @incident-comms/core/node
 * Node-only helpers: reading a runbook file from disk, and the loopback HTTP server the channel
 * stubs are built on. The main entry stays free of `node:` imports.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { IncidentCommsError } from '../errors';
import { parseRunbook, type Runbook, type RunbookCheck } from '../runbook/define';

/** Thrown when a runbook file cannot be read (`runbook_unreadable`). */
export class RunbookFileError extends IncidentCommsError {
  readonly path: string;
  constructor(path: string, reason: string) {
    super('runbook_unreadable', `Cannot read runbook ${path}: ${reason}`);
    this.path = path;
  }
}

/**
 * Reads and validates a runbook file (YAML or JSON; JSON is valid YAML).
 *
 * @param path - file path (or `file:` URL) of the runbook.
 * @param options - `checks`: extra {@link RunbookCheck}s to run, e.g. the templates package's
 *   `checkRunbookTemplates` so a broken custom template fails here. Only these run, whatever
 *   was imported before.
 * @returns the validated, deep-frozen runbook with defaults applied.
 * @throws {RunbookFileError} `runbook_unreadable` when the file cannot be read.
 * @throws {RunbookError} `runbook_invalid` listing every problem with its path.
 * @example
 * const runbook = await loadRunbook('runbook.yaml', { checks: [checkRunbookTemplates] });
 */
export async function loadRunbook(
  path: string | URL,
  options: { readonly checks?: readonly RunbookCheck[] | undefined } = {},
): Promise<Runbook> {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new RunbookFileError(file, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  return parseRunbook(text, { source: file, checks: options.checks });
}

export type { LoopbackReply, LoopbackRequest, LoopbackServer } from '../node/loopback-server';
export { startLoopbackServer } from '../node/loopback-server';
