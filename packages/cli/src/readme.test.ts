/**
 * The root README's CLI examples work: each line of the block after the `cli-examples` marker
 * is run in-process from the repository root (an `echo "…" |` prefix becomes standard input)
 * and must end with the exit code its comment states.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, repo } from './cli.test-support';

const BIN = 'node packages/cli/dist/bin.js ';

interface Example {
  line: string;
  stdin: string;
  argv: string[];
  exit: number;
}

function readmeExamples(): Example[] {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const marker = readme.indexOf('<!-- cli-examples:');
  if (marker < 0) throw new Error('README.md has no <!-- cli-examples: --> marker');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(marker));
  if (!block?.[1]) throw new Error('no ```sh block after the cli-examples marker');
  return block[1]
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const m = /^(?:echo "([^"]*)" \| )?(.*?)\s+# exit (\d)\b/.exec(line);
      if (!m?.[2]?.startsWith(BIN)) throw new Error(`README example not understood: ${line}`);
      const args = m[2].slice(BIN.length);
      // The examples avoid quotes, so splitting on spaces gives the arguments a shell would.
      if (/['"\\$`]/.test(args)) throw new Error(`README example arguments must not need quoting: ${line}`);
      return {
        line,
        stdin: m[1] === undefined ? '' : `${m[1]}\n`,
        argv: args.split(/\s+/),
        exit: Number(m[3]),
      };
    });
}

const examples = readmeExamples();
let cwd: string;

beforeAll(() => {
  cwd = process.cwd();
  process.chdir(repo);
});
afterAll(() => {
  process.chdir(cwd);
});

describe('README CLI examples', () => {
  it('there are at least four, covering review and lint --incident on the sample log', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    const commands = examples.map((e) => e.argv.join(' '));
    expect(commands).toContainEqual(expect.stringMatching(/^review examples\/incident-log\.sample\.json /));
    expect(commands).toContainEqual(
      expect.stringMatching(/^lint .*--incident examples\/incident-log\.sample\.json/),
    );
  });

  it.each(examples.map((e) => [e.argv.join(' '), e] as const))(
    'incident-comms %s exits as the README says',
    async (_name, example) => {
      const { code, stdout, stderr } = await cli(example.argv, example.stdin);
      expect(stderr).toBe('');
      expect(code).toBe(example.exit);
      // A clean lint prints nothing; every other example prints its result.
      if (!(example.argv[0] === 'lint' && example.exit === 0)) expect(stdout.length).toBeGreaterThan(0);
    },
  );
});
