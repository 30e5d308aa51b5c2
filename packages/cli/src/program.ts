/**
 * @module program
 * The `incident-comms` command line: lint drafts, check and render runbooks, run drills,
 * review incidents. `runCli` runs in-process and returns the exit code, so tests need no child process.
 */
import { writeFile } from 'node:fs/promises';
import {
  AUDIENCES,
  type Audience,
  type DrillResult,
  draftLintContext,
  IncidentCommsError,
  type LintContext,
  type LintFacts,
  lintMessage,
  lintRules,
  loadDrillScenario,
  MESSAGE_KINDS,
  type MessageKind,
  parseRunbook,
  type Runbook,
  renderReview,
  renderRunbook,
  replay,
  reviewIncident,
  runDrill,
} from '@incident-comms/core';
import { Command, CommanderError, Option } from 'commander';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { CliInputError, type CliIO, readEventLog, readText } from './io';

/** The CLI's version (kept in step with package.json). */
export const CLI_VERSION = '0.1.0';

async function loadRunbookFile(path: string, io: CliIO): Promise<Runbook> {
  return parseRunbook(await readText(path, io), path);
}

function parseJsonOption<T>(value: string, name: string): T {
  try {
    return JSON.parse(value) as T;
  } catch (error) {
    throw new CliInputError(
      `--${name}: expected JSON, got ${JSON.stringify(value)} (${(error as Error).message})`,
    );
  }
}

/** Plain-text drill scores: one line per participant, then what to fix. */
function formatDrill(result: DrillResult): string {
  const lines = [`Drill: ${result.scenario.title}`, ''];
  for (const p of result.participants) {
    lines.push(`${p.participant}: ${p.score}/100 over ${p.responses} answer${p.responses === 1 ? '' : 's'}`);
    for (const fix of p.fixes) lines.push(`  - ${fix}`);
  }
  for (const missed of result.missedPrompts)
    lines.push(`Nobody answered "${missed.title}" (${missed.role}).`);
  if (result.fixes.length > 0) lines.push('', 'For the team:', ...result.fixes.map((f) => `  - ${f}`));
  return `${lines.join('\n')}\n`;
}

function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('incident-comms')
    .description('Lint incident messages, check runbooks, run drills and review incidents.')
    .version(CLI_VERSION)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('lint')
    .description(
      'Lint a draft message against the runbook and the incident facts. Exit 1 when there are errors.',
    )
    .argument('[file]', 'the draft (a text file), or - for standard input', '-')
    .addOption(new Option('--kind <kind>', 'message kind').choices(MESSAGE_KINDS).makeOptionMandatory())
    .addOption(new Option('--audience <audience>', 'who reads it').choices(AUDIENCES).default('customer'))
    .option('--incident <log.json>', 'incident event log (JSON array or JSON Lines); its facts are used')
    .option('--runbook <runbook.yaml>', 'runbook file (lint settings, time zones)')
    .option(
      '--facts <json>',
      'confirmed facts without a log, e.g. \'{"scope":"some","causeConfirmed":false}\'',
    )
    .option('--next-update <iso>', 'scheduled next update (ISO-8601 UTC)')
    .option('--now <iso>', 'the current instant (ISO-8601 UTC); default: the clock')
    .option('--time-zone <iana>', "the reader's IANA time zone")
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['stylish', 'json', 'sarif'])
        .default('stylish'),
    )
    .action(async (file: string, opts: Record<string, string | undefined>) => {
      const text = await readText(file, io);
      const runbook = opts.runbook ? await loadRunbookFile(opts.runbook, io) : undefined;
      const kind = opts.kind as MessageKind;
      const audience = opts.audience as Audience;
      const now = opts.now ?? new Date().toISOString();
      let context: LintContext;
      if (opts.incident) {
        if (!runbook)
          throw new CliInputError('--incident needs --runbook: the cadence and lint settings come from it');
        const state = replay(await readEventLog(opts.incident, io));
        // The draft is not in the log: it is linted against the newest confirmed facts.
        context = draftLintContext(
          state,
          { id: '(cli draft)', kind, audience, status: state.status },
          runbook,
          now,
        );
      } else {
        context = {
          kind,
          audience,
          now,
          ...(opts.facts ? { facts: parseJsonOption<LintFacts>(opts.facts, 'facts') } : {}),
          ...(opts.nextUpdate ? { nextUpdateDue: opts.nextUpdate } : {}),
          ...(runbook?.lint ? { config: runbook.lint } : {}),
        };
      }
      const timeZone =
        opts.timeZone ??
        (runbook ? (runbook.timeZones.audiences[audience] ?? runbook.timeZones.default) : undefined);
      if (timeZone) context = { ...context, timeZone };
      const diagnostics = lintMessage(text, context);
      const results = [{ file: file === '-' ? '<stdin>' : file, text, diagnostics }];
      const format = opts.format ?? 'stylish';
      if (format === 'json') io.stdout(formatJson(results));
      else if (format === 'sarif') {
        const rules = lintRules.map((r) => ({
          id: r.id,
          description: r.docs.description,
          helpUri: r.docs.url,
        }));
        io.stdout(formatSarif(results, rules, CLI_VERSION));
      } else io.stdout(formatStylish(results));
      setExit(diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
    });

  const runbook = program.command('runbook').description('Check or render a runbook file.');
  runbook
    .command('check')
    .description('Validate a runbook file; lists every problem with its path. Exit 1 when invalid.')
    .argument('<file>', 'runbook YAML or JSON')
    .action(async (file: string) => {
      const rb = await loadRunbookFile(file, io);
      const people = new Set(Object.values(rb.roles).flatMap((r) => [r.primary.id, r.backup.id]));
      io.stdout(
        `${file}: ok. "${rb.name}": ${Object.keys(rb.roles).length} roles, ${people.size} people; ` +
          `updates every ${rb.cadence.minutes.SEV1}/${rb.cadence.minutes.SEV2}/${rb.cadence.minutes.SEV3} minutes (SEV1/SEV2/SEV3).\n`,
      );
    });
  runbook
    .command('render')
    .description('Render the one-page runbook a new support rep reads (Markdown, or standalone HTML).')
    .argument('<file>', 'runbook YAML or JSON')
    .option('--html', 'standalone HTML instead of Markdown')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (file: string, opts: { html?: boolean; output?: string }) => {
      const page = renderRunbook(await loadRunbookFile(file, io));
      const out = opts.html ? page.html : page.markdown;
      if (opts.output) {
        await writeFile(opts.output, out);
        io.stdout(`wrote ${opts.output}\n`);
      } else io.stdout(out.endsWith('\n') ? out : `${out}\n`);
    });

  program
    .command('drill')
    .description(
      'Replay a drill scenario and score the responses. Without --responses, prints the briefing and prompts.',
    )
    .argument('<scenario.yaml>', 'drill scenario file')
    .option(
      '--responses <file>',
      "participants' responses: a JSON array of { promptId, participant, sentAt, text }",
    )
    .requiredOption('--runbook <runbook.yaml>', 'runbook file (roles, rhythm, time zones)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { responses?: string; runbook: string; json?: boolean }) => {
      const scenario = loadDrillScenario(await readText(file, io), file);
      const rb = await loadRunbookFile(opts.runbook, io);
      if (!opts.responses) {
        io.stdout(`${scenario.title}\n\n${scenario.briefing}\n\nPrompts:\n`);
        for (const p of scenario.prompts) {
          io.stdout(`  - ${p.id} (minute ${p.at}, ${p.role}, ${p.audience} ${p.kind}): ${p.instructions}\n`);
        }
        return;
      }
      const responses = parseJsonOption<unknown>(await readText(opts.responses, io), 'responses');
      if (!Array.isArray(responses))
        throw new CliInputError(`${opts.responses}: expected a JSON array of responses`);
      const result = runDrill(scenario, responses, rb);
      io.stdout(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatDrill(result));
    });

  program
    .command('review')
    .description('Compute the post-incident review from an event log and print it as Markdown.')
    .argument('<log.json>', 'incident event log (JSON array or JSON Lines)')
    .requiredOption('--runbook <runbook.yaml>', 'runbook file')
    .option('--json', 'print the figures as JSON')
    .action(async (file: string, opts: { runbook: string; json?: boolean }) => {
      const review = reviewIncident(await readEventLog(file, io), await loadRunbookFile(opts.runbook, io));
      io.stdout(opts.json ? `${JSON.stringify(review, null, 2)}\n` : renderReview(review));
    });

  return program;
}

/**
 * Runs the CLI in-process.
 *
 * @param argv - the arguments after the program name, e.g. `['lint', 'draft.txt', '--kind', 'update']`.
 * @param io - where output goes and where standard input comes from.
 * @returns the exit code: 0 ok, 1 lint errors or an invalid file, 2 bad usage.
 *   Library errors print their path-named message (no stack trace).
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof IncidentCommsError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
