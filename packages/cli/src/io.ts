/**
 * @module io
 * Reading the CLI's input files: text, JSON or JSON Lines event logs, YAML runbooks.
 */
import { readFile } from 'node:fs/promises';
import { IncidentCommsError, type IncidentEventInput } from '@incident-comms/core';

/** Where the CLI writes and reads; injectable so tests run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input. */
  readStdin: () => Promise<string>;
}

/** Thrown when an input file cannot be read or parsed (`cli_input_invalid`). */
export class CliInputError extends IncidentCommsError {
  constructor(message: string) {
    super('cli_input_invalid', message);
  }
}

/** Reads a text file, or standard input for `-`. */
export async function readText(path: string, io: CliIO): Promise<string> {
  if (path === '-') return io.readStdin();
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliInputError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * Reads an incident log: a JSON array of events, an object `{ "events": [...] }`, or JSON Lines
 * (one event per line).
 */
export async function readEventLog(path: string, io: CliIO): Promise<IncidentEventInput[]> {
  const text = (await readText(path, io)).trim();
  if (text === '')
    throw new CliInputError(`${path}: expected an incident log (JSON array of events), got an empty file`);
  try {
    const data: unknown = JSON.parse(text);
    if (Array.isArray(data)) return data as IncidentEventInput[];
    if (data && typeof data === 'object' && Array.isArray((data as { events?: unknown }).events)) {
      return (data as { events: IncidentEventInput[] }).events;
    }
    if (data && typeof data === 'object') return [data as IncidentEventInput];
  } catch {
    // Not one JSON document: try JSON Lines below.
  }
  return text.split('\n').map((line, index) => {
    try {
      return JSON.parse(line) as IncidentEventInput;
    } catch (error) {
      throw new CliInputError(
        `${path}:${index + 1}: expected one JSON event per line (${(error as Error).message})`,
      );
    }
  });
}
