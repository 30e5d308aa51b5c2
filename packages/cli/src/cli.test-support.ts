/**
 * @module cli.test-support
 * Runs the CLI in-process for tests and names the repository files they use.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './program';

/** The repository root (ends with a path separator). */
export const repo = fileURLToPath(new URL('../../../', import.meta.url));
/** The shipped example runbook. */
export const exampleRunbook = join(repo, 'packages/core/runbook.example.yaml');
/** The shipped checkout drill scenario. */
export const scenario = join(repo, 'packages/core/scenarios/checkout-payment-failure.yaml');
/** The shipped sample incident log. */
export const sampleLog = join(repo, 'examples/incident-log.sample.json');

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `incident-comms <argv>` in-process.
 *
 * @param argv - the arguments after the program name.
 * @param stdin - standard input, as text or bytes.
 * @param options - `stdinIsTTY`: pretend standard input is a terminal.
 */
export async function cli(
  argv: readonly string[],
  stdin: string | Uint8Array = '',
  options: { stdinIsTTY?: boolean } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => stdin,
    ...(options.stdinIsTTY === undefined ? {} : { stdinIsTTY: options.stdinIsTTY }),
  });
  return { code, stdout, stderr };
}
