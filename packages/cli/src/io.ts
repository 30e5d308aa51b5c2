/**
 * @module io
 * Reading and writing the CLI's files: UTF-8 text only (no binaries), JSON or JSON Lines event
 * logs, and plain file-system errors ("Cannot read x: no such file") instead of stack traces.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { IncidentCommsError, type IncidentEventInput } from '@incident-comms/core';

/** Where the CLI writes and reads; injectable so tests run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Reads all of standard input. Bytes are preferred (they are checked for NUL bytes and
   * invalid UTF-8 like a file's); a string is taken as already decoded.
   */
  readStdin: () => Promise<Uint8Array | string>;
  /**
   * `true` when standard input is an interactive terminal (`process.stdin.isTTY`): `lint` then
   * prints a hint that it is waiting for the draft. Absent means not a terminal.
   */
  stdinIsTTY?: boolean;
}

/**
 * Thrown when an input file cannot be read, decoded or parsed, or an output file cannot be
 * written (`cli_input_invalid`). The message names the file (`<stdin>` for `-`) and, for an
 * event log in JSON Lines, the 1-based line.
 *
 * @example
 * try { decodeText(new Uint8Array([0x41, 0]), 'draft.txt'); }
 * catch (e) { if (e instanceof CliInputError) console.log(e.code); } // 'cli_input_invalid'
 */
export class CliInputError extends IncidentCommsError {
  constructor(message: string) {
    super('cli_input_invalid', message);
  }
}

/**
 * A library error raised while processing a named file, re-thrown with the file path in front
 * of its message. Keeps the original `code` (e.g. `event_rejected`) and the original as `cause`.
 */
export class CliFileError extends IncidentCommsError {
  /** The file the error is about. */
  readonly file: string;
  constructor(file: string, cause: IncidentCommsError) {
    super(cause.code, `${file}: ${cause.message}`);
    this.file = file;
    this.cause = cause;
  }
}

/** The display name of an input: the path, or `<stdin>` for `-`. */
export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
};

/** Plain words for a file-system error, e.g. `no such file` for ENOENT. */
function fsReason(error: unknown, writing: boolean): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (writing && code === 'ENOENT') return 'no such directory';
  if (code && FS_REASONS[code]) return FS_REASONS[code];
  return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Decodes input bytes as UTF-8 text, refusing what is not text.
 *
 * @param bytes - the file's contents.
 * @param name - the file's display name, for messages.
 * @returns the text (a leading byte-order mark removed).
 * @throws {CliInputError} when the bytes contain a NUL byte (a binary file) or are not valid UTF-8.
 * @example
 * decodeText(new TextEncoder().encode('Checkout is slow.'), 'draft.txt'); // 'Checkout is slow.'
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0))
    throw new CliInputError(`${name}: expected a text file, got binary data (a NUL byte)`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliInputError(
      `${name}: expected UTF-8 text, got bytes that are not valid UTF-8 (save the file as UTF-8)`,
    );
  }
}

/**
 * Reads a UTF-8 text file, or standard input for `-`.
 *
 * @throws {CliInputError} `Cannot read <file>: no such file` (permission denied, it is a
 *   directory, …) and for binary or non-UTF-8 contents.
 */
export async function readText(path: string, io: CliIO): Promise<string> {
  if (path === '-') {
    const input = await io.readStdin();
    return typeof input === 'string' ? input : decodeText(input, '<stdin>');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliInputError(`Cannot read ${path}: ${fsReason(error, false)}`);
  }
  return decodeText(bytes, path);
}

/**
 * Writes a text file.
 *
 * @throws {CliInputError} `Cannot write <file>: no such directory` (permission denied, it is a
 *   directory, …).
 */
export async function writeText(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new CliInputError(`Cannot write ${path}: ${fsReason(error, true)}`);
  }
}

/**
 * Runs `fn`; a library error it throws is re-thrown as a {@link CliFileError} naming `file`.
 * Other errors pass through unchanged.
 */
export function aboutFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof IncidentCommsError) throw new CliFileError(displayName(file), error);
    throw error;
  }
}

/**
 * Reads an incident log: a JSON array of events, an object `{ "events": [...] }`, a single event
 * object, or JSON Lines (one event per line; blank lines skipped). The events are returned
 * unvalidated: the core reducer parses them.
 *
 * @param path - a file path, or `-` for standard input.
 * @returns the events in file order.
 * @throws {CliInputError} for an unreadable, binary or non-UTF-8 file, an empty file, a JSON
 *   value that is not an object or array, or a JSON Lines line that is not JSON (`log.jsonl:3: …`).
 * @example
 * const events = await readEventLog('incident.jsonl', io);
 */
export async function readEventLog(path: string, io: CliIO): Promise<IncidentEventInput[]> {
  const name = displayName(path);
  const text = (await readText(path, io)).trim();
  if (text === '')
    throw new CliInputError(`${name}: expected an incident log (JSON array of events), got an empty file`);
  try {
    const data: unknown = JSON.parse(text);
    if (Array.isArray(data)) return data as IncidentEventInput[];
    if (data && typeof data === 'object' && Array.isArray((data as { events?: unknown }).events)) {
      return (data as { events: IncidentEventInput[] }).events;
    }
    if (data && typeof data === 'object') return [data as IncidentEventInput];
    throw new CliInputError(
      `${name}: expected an incident log (JSON array of events), got ${data === null ? 'null' : typeof data}`,
    );
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    // Not one JSON document: try JSON Lines below.
  }
  const events: IncidentEventInput[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      events.push(JSON.parse(line) as IncidentEventInput);
    } catch (error) {
      throw new CliInputError(
        `${name}:${index + 1}: expected one JSON event per line (${(error as Error).message})`,
      );
    }
  });
  return events;
}
