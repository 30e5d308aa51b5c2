/**
 * @module program
 * The `incident-comms` command line: lint drafts, check and render runbooks, run drills,
 * review incidents. `runCli` runs in-process and returns the exit code, so tests need no child process.
 */

import { existsSync } from 'node:fs';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AUDIENCES,
  type Audience,
  activeLintRules,
  audienceSegments,
  audienceTimeZone,
  type DrillResult,
  draftLintContext,
  drillBriefing,
  IncidentCommsError,
  type LintContext,
  type LintFacts,
  type LintPlugin,
  type LintSeverity,
  lintMessage,
  loadDrillScenario,
  MESSAGE_KINDS,
  type MessageKind,
  parseLintConfig,
  parseRunbook,
  type RuleSetting,
  type Runbook,
  registerLintPlugin,
  renderReview,
  renderRunbook,
  replay,
  resolveLintConfig,
  reviewIncident,
  runbookPluginModules,
  runDrill,
} from '@incident-comms/core';
// Every runbook the CLI loads (runbook check/render, lint --runbook, drill, review) runs the
// templates check, so a broken custom template is rejected.
import { checkRunbookTemplates } from '@incident-comms/templates';
import { Command, CommanderError, Option } from 'commander';
import { migrateDatabase } from './db';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { writeStarterRunbook } from './init';
import { aboutFile, CliInputError, type CliIO, displayName, readEventLog, readText, writeText } from './io';
import { parseFactsOption, parseInstantOption, parseTimeZoneOption } from './options';

/** The CLI's version (kept in step with package.json). */
export const CLI_VERSION = '0.1.0';

/** `lint`'s options after commander has parsed and checked them. */
interface LintOptions {
  kind: MessageKind;
  audience: Audience;
  incident?: string;
  runbook?: string;
  facts?: LintFacts;
  nextUpdate?: string;
  now?: string;
  timeZone?: string;
  plugin?: string[];
  format: 'stylish' | 'json' | 'sarif';
}

/**
 * Imports a lint plugin module and registers it: its default export, or its `plugin` export, is
 * a `LintPlugin`. A specifier starting with `.` or `/` is a file, relative to `base`; anything
 * else is a package name resolved from the working directory.
 */
async function loadPlugin(specifier: string, base: string): Promise<LintPlugin> {
  const isFile = specifier.startsWith('.') || isAbsolute(specifier);
  const path = resolvePath(base, specifier);
  // Say what the user named is missing, not which of our own files tried to import it.
  if (isFile && !existsSync(path))
    throw new CliInputError(`Cannot load lint plugin ${specifier}: file not found (looked at ${path})`);
  const url = isFile ? pathToFileURL(path).href : specifier;
  let mod: { default?: unknown; plugin?: unknown };
  try {
    mod = (await import(url)) as { default?: unknown; plugin?: unknown };
  } catch (error) {
    const e = error as Error & { code?: string };
    const missingPackage =
      !isFile && e.code === 'ERR_MODULE_NOT_FOUND' && e.message.includes(`'${specifier}'`);
    throw new CliInputError(
      missingPackage
        ? `Cannot load lint plugin ${specifier}: package not found (install it in ${process.cwd()} or give a file path)`
        : `Cannot load lint plugin ${specifier}: ${e.message}`,
    );
  }
  const plugin = (mod.plugin ?? mod.default) as LintPlugin | undefined;
  if (plugin === null || typeof plugin !== 'object' || typeof plugin.meta?.name !== 'string')
    throw new CliInputError(
      `Cannot load lint plugin ${specifier}: expected a default or "plugin" export with meta.name, rules and configs`,
    );
  registerLintPlugin(plugin);
  return plugin;
}

/**
 * Turns on, at their default severity, the rules of plugins named with `--plugin` that the
 * runbook's lint section (with what it extends) leaves unconfigured: naming a plugin on the
 * command line means "run it".
 */
function withPluginRules(context: LintContext, loaded: readonly LintPlugin[]): LintContext {
  if (loaded.length === 0) return context;
  const configured = context.config ? (resolveLintConfig(parseLintConfig(context.config)).rules ?? {}) : {};
  const on: Record<string, RuleSetting> = {};
  for (const plugin of loaded)
    for (const rule of plugin.rules ?? [])
      if (!(rule.id in configured)) on[rule.id] = (rule as { defaultSeverity: LintSeverity }).defaultSeverity;
  return { ...context, config: { ...context.config, rules: { ...on, ...context.config?.rules } } };
}

// A runbook's `lint.plugins` are loaded (relative to the runbook file) before it is validated,
// since its lint section may configure their rules.
async function loadRunbookFile(path: string, io: CliIO): Promise<Runbook> {
  const text = await readText(path, io);
  const base = resolvePath(path, '..');
  for (const specifier of runbookPluginModules(text)) await loadPlugin(specifier, base);
  return parseRunbook(text, { source: path, checks: [checkRunbookTemplates] });
}

function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`${file}: expected JSON (${(error as Error).message})`);
  }
}

/** Printed to standard error when `lint` waits for a draft typed at a terminal. */
export const STDIN_HINT =
  'incident-comms: reading the draft from standard input; end with Ctrl-D, or pass a file.\n';

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
    .option(
      '--audience <audience>',
      `who reads it: ${AUDIENCES.join(', ')}, or a segment the runbook declares (e.g. customer-us)`,
      'customer',
    )
    .option('--incident <log.json>', 'incident event log (JSON array or JSON Lines); its facts are used')
    .option('--runbook <runbook.yaml>', 'runbook file (lint settings, time zones)')
    .option(
      '--facts <json>',
      'confirmed facts without a log (a JSON object), e.g. \'{"scope":"some","causeConfirmed":false}\'',
      parseFactsOption,
    )
    .option('--next-update <iso>', 'scheduled next update (ISO-8601 UTC)', parseInstantOption)
    .option('--now <iso>', 'the current instant (ISO-8601 UTC); default: the clock', parseInstantOption)
    .option('--time-zone <iana>', "the reader's IANA time zone, e.g. America/New_York", parseTimeZoneOption)
    .option(
      '--plugin <module>',
      'a lint plugin to load (package name, or a file path); repeatable. Its rules run once configured (runbook lint.rules or extends)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['stylish', 'json', 'sarif'])
        .default('stylish'),
    )
    .action(async (file: string, opts: LintOptions, command: Command) => {
      if (opts.incident && !opts.runbook)
        command.error('error: --incident needs --runbook: the cadence and lint settings come from it');
      if (file === '-' && io.stdinIsTTY) io.stderr(STDIN_HINT);
      const loaded: LintPlugin[] = [];
      for (const specifier of opts.plugin ?? []) loaded.push(await loadPlugin(specifier, process.cwd()));
      const text = await readText(file, io);
      if (text.trim() === '') throw new CliInputError(`${displayName(file)}: the draft is empty`);
      const runbook = opts.runbook ? await loadRunbookFile(opts.runbook, io) : undefined;
      const { kind } = opts;
      // A runbook segment reads as its audience, in the segment's own zone.
      const segment = runbook ? audienceSegments(runbook).find((s) => s.id === opts.audience) : undefined;
      const audience = segment?.audience ?? opts.audience;
      if (!(AUDIENCES as readonly string[]).includes(audience)) {
        const segments = runbook ? audienceSegments(runbook).map((s) => s.id) : [];
        command.error(
          `error: --audience must be one of ${[...AUDIENCES, ...segments].join(', ')}${runbook ? '' : ' (segments need --runbook)'}, got "${opts.audience}"`,
        );
      }
      const now = opts.now ?? new Date().toISOString();
      let context: LintContext;
      if (opts.incident) {
        if (!runbook) throw new Error('unreachable: --incident without --runbook was refused above');
        const events = await readEventLog(opts.incident, io);
        const incident = opts.incident;
        const state = aboutFile(incident, () => replay(events));
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
          ...(opts.facts ? { facts: opts.facts } : {}),
          ...(opts.nextUpdate ? { nextUpdateDue: opts.nextUpdate } : {}),
          ...(runbook?.lint ? { config: runbook.lint } : {}),
        };
      }
      const timeZone =
        opts.timeZone ?? (runbook ? audienceTimeZone(runbook, audience, segment?.id) : undefined);
      if (timeZone) context = { ...context, timeZone };
      context = withPluginRules(context, loaded);
      const diagnostics = lintMessage(text, context);
      const results = [{ file: displayName(file), text, diagnostics }];
      const format = opts.format ?? 'stylish';
      if (format === 'json') io.stdout(formatJson(results));
      else if (format === 'sarif') {
        const rules = activeLintRules().map((r) => ({
          id: r.id,
          description: r.docs.description,
          helpUri: r.docs.url,
        }));
        io.stdout(formatSarif(results, rules, CLI_VERSION));
      } else io.stdout(formatStylish(results));
      setExit(diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
    });

  program
    .command('init')
    .description('Write the starter runbook (every section explained) to start a project from.')
    .argument('[file]', 'where to write it', 'runbook.yaml')
    .action(async (file: string) => {
      await writeStarterRunbook(file);
      io.stdout(
        `wrote ${file}: put your people in roles, then run \`incident-comms runbook check ${file}\`.\n`,
      );
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
          `updates every ${rb.severityLadder.map((l) => l.cadenceMinutes).join('/')} minutes (${rb.severityLadder.map((l) => l.id).join('/')}); ` +
          `${Object.keys(rb.incidentTypes).length} incident types.\n`,
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
        await writeText(opts.output, out);
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
        io.stdout(drillBriefing(scenario, rb).text);
        return;
      }
      const responsesFile = displayName(opts.responses);
      const responses = parseJsonFile(await readText(opts.responses, io), responsesFile);
      if (!Array.isArray(responses))
        throw new CliInputError(`${responsesFile}: expected a JSON array of responses`);
      const result = aboutFile(opts.responses, () => runDrill(scenario, responses, rb));
      io.stdout(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatDrill(result));
    });

  program
    .command('review')
    .description('Compute the post-incident review from an event log and print it as Markdown.')
    .argument('<log.json>', 'incident event log (JSON array or JSON Lines)')
    .requiredOption('--runbook <runbook.yaml>', 'runbook file')
    .option('--json', 'print the figures as JSON')
    .action(async (file: string, opts: { runbook: string; json?: boolean }) => {
      const rb = await loadRunbookFile(opts.runbook, io);
      const events = await readEventLog(file, io);
      const review = aboutFile(file, () => reviewIncident(events, rb));
      io.stdout(opts.json ? `${JSON.stringify(review, null, 2)}\n` : renderReview(review));
    });

  const db = program
    .command('db')
    .description('The PostgreSQL store (install @incident-comms/store-postgres and pg beside the CLI).');
  db.command('migrate')
    .description(
      'Create or update the PostgreSQL schema. Run it explicitly before starting instances; safe to repeat.',
    )
    .option('--url <url>', 'PostgreSQL connection string (default: $DATABASE_URL)')
    .option('--schema <name>', 'schema for the tables', 'incident_comms')
    .action(async (opts: { url?: string; schema: string }) => {
      const url = opts.url ?? process.env.DATABASE_URL;
      if (!url) throw new CliInputError('db migrate: pass --url or set DATABASE_URL');
      const applied = await migrateDatabase(url, opts.schema);
      io.stdout(
        applied.length > 0
          ? `schema ${opts.schema}: applied migration${applied.length === 1 ? '' : 's'} ${applied.join(', ')}\n`
          : `schema ${opts.schema}: already up to date\n`,
      );
    });

  // A usage error ends with a pointer to the help of the command that was run.
  const pointTo = (command: Command, path: string): void => {
    command.showHelpAfterError(`(run "${path} --help" for usage)`);
    for (const sub of command.commands) pointTo(sub, `${path} ${sub.name()}`);
  };
  pointTo(program, 'incident-comms');
  return program;
}

/**
 * Runs the CLI in-process.
 *
 * @param argv - the arguments after the program name, e.g. `['lint', 'draft.txt', '--kind', 'update']`.
 * @param io - where output goes and where standard input comes from.
 * @returns the exit code: 0 ok; 1 lint errors, an invalid or unreadable file (`Cannot read x: no
 *   such file`), or any library error, printed as its path-named message without a stack trace;
 *   2 bad usage (unknown option, bad option value such as `--now yesterday`), with a pointer to
 *   `--help`.
 * @throws only on a bug: an error that is neither a library error nor a usage error.
 * @example
 * const code = await runCli(['runbook', 'check', 'runbook.yaml'], {
 *   stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t),
 *   readStdin: async () => '',
 * });
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
    // Every library error (and the CLI's own file errors) prints its message only.
    if (error instanceof IncidentCommsError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
