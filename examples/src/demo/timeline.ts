/**
 * @module demo/timeline
 * The demo's narrator: prints a timeline with ET clock times to the terminal and keeps the same
 * lines for the Markdown transcript.
 */
import { escapeMarkdown, formatUpdateTime } from '@incident-comms/core';

/** The zone the timeline is told in (the team and most customers are on US Eastern time). */
export const TIMELINE_ZONE = 'America/New_York';

/** One recorded line of the transcript. */
export type TranscriptEntry =
  | { kind: 'heading'; text: string }
  | { kind: 'event'; at: string; who: string; text: string; details: string[] }
  | { kind: 'block'; title: string; lines: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][] };

/** Options of {@link createTimeline}. */
export interface TimelineOptions {
  /** Print nothing (the transcript is still kept). */
  quiet?: boolean | undefined;
  /** Where printed text goes; default `process.stdout.write`. */
  write?: ((text: string) => void) | undefined;
  /** Use ANSI colours; default: when writing to a terminal. */
  color?: boolean | undefined;
}

/** The narrator: what the demo says happened, in order. */
export interface Timeline {
  /** A section heading, e.g. `First customer update`. */
  heading(text: string): void;
  /** Something a person (or the system) did at `at` (ISO-8601 UTC), with indented details. */
  event(at: string, who: string, text: string, details?: readonly string[]): void;
  /**
   * A titled block of lines, e.g. a message body or the lint output; `indent` is the column it
   * starts at in the terminal (default: under the event text).
   */
  block(title: string, lines: readonly string[], indent?: number): void;
  /**
   * A small table under the last event, e.g. who holds which role: aligned columns in the
   * terminal, a Markdown table in the transcript.
   */
  table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): void;
  /** Text written straight to the terminal and never kept (progress updates). */
  raw(text: string): void;
  /** Whether `raw` output goes to an interactive terminal (progress can redraw in place). */
  readonly interactive: boolean;
  /** Everything recorded so far. */
  readonly entries: readonly TranscriptEntry[];
  /** The transcript as Markdown. */
  toMarkdown(title: string): string;
}

/**
 * A clock time in ET without the zone label, padded for a column: ` 9:10 AM`.
 *
 * @example
 * clock('2026-03-03T14:10:00Z'); // ' 9:10 AM'
 */
export function clock(at: string): string {
  return formatUpdateTime(at, TIMELINE_ZONE)
    .replace(/ [A-Z]+$/, '')
    .padStart(8);
}

const WHO_WIDTH = 18;
/** Terminal width the timeline wraps long detail lines at. */
const WIDTH = 118;

/** Splits `text` into lines of at most `width` characters at spaces (long words stay whole). */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + word.length + 1 > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/**
 * Creates the narrator.
 *
 * @example
 * const timeline = createTimeline({ quiet: true });
 * timeline.event('2026-03-03T14:10:00Z', 'Dana Ruiz', 'declares SEV1');
 */
export function createTimeline(options: TimelineOptions = {}): Timeline {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const quiet = options.quiet ?? false;
  const interactive = !quiet && options.write === undefined && Boolean(process.stdout.isTTY);
  const color = options.color ?? interactive;
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const entries: TranscriptEntry[] = [];
  const print = (text: string) => {
    if (!quiet) write(`${text}\n`);
  };
  const indent = ' '.repeat(8 + 2 + WHO_WIDTH + 2);

  return {
    interactive,
    entries,
    heading(text) {
      entries.push({ kind: 'heading', text });
      print(`\n${paint('1', `── ${text} `.padEnd(96, '─'))}`);
    },
    event(at, who, text, details = []) {
      entries.push({ kind: 'event', at, who, text, details: [...details] });
      const name = who.length > WHO_WIDTH ? `${who.slice(0, WHO_WIDTH - 1)}…` : who.padEnd(WHO_WIDTH);
      print(`${paint('36', clock(at))}  ${paint('33', name)}  ${text}`);
      for (const detail of details) {
        const [first, ...rest] = wrapText(detail, WIDTH - indent.length);
        print(`${indent}${paint('2', first ?? '')}`);
        for (const line of rest) print(`${indent}  ${paint('2', line)}`);
      }
    },
    block(title, lines, at = indent.length) {
      entries.push({ kind: 'block', title, lines: [...lines] });
      const pad = ' '.repeat(at);
      print(`${pad}${paint('1', title)}`);
      for (const line of lines) print(`${pad}  ${line}`);
    },
    table(headers, rows) {
      entries.push({ kind: 'table', headers: [...headers], rows: rows.map((r) => [...r]) });
      const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
      const line = (cells: readonly string[]) =>
        cells
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd();
      print(`${indent}${paint('2', line(headers))}`);
      for (const row of rows) print(`${indent}${paint('2', line(row))}`);
    },
    raw(text) {
      if (!quiet) write(text);
    },
    toMarkdown(title) {
      const out: string[] = [`# ${title}`, '', `Times are US Eastern (\`${TIMELINE_ZONE}\`).`];
      for (const entry of entries) {
        if (entry.kind === 'heading') out.push('', `## ${escapeMarkdown(entry.text)}`, '');
        else if (entry.kind === 'event') {
          out.push(
            `- **${clock(entry.at).trim()}** · ${escapeMarkdown(entry.who)} · ${escapeMarkdown(entry.text)}`,
          );
          // "1. …" details are a numbered list of their own; the rest are bullets.
          for (const d of entry.details) {
            const numbered = /^(\d+)\. (.*)$/.exec(d);
            out.push(
              numbered ? `  ${numbered[1]}. ${escapeMarkdown(numbered[2]!)}` : `  - ${escapeMarkdown(d)}`,
            );
          }
        } else if (entry.kind === 'table') {
          const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
          out.push('', row(entry.headers), `|${entry.headers.map(() => ' --- ').join('|')}|`);
          out.push(...entry.rows.map(row), '');
        } else {
          out.push('', `**${escapeMarkdown(entry.title)}**`, '');
          if (entry.lines.length > 0) out.push('```text', ...entry.lines, '```', '');
        }
      }
      return `${out
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()}\n`;
    },
  };
}
