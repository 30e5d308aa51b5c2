/**
 * `lint` reads drafts as UTF-8 text only: binaries, non-UTF-8 bytes and empty drafts are
 * refused with a clear message (exit 1), and a terminal on standard input gets a hint.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli.test-support';
import { decodeText } from './io';
import { STDIN_HINT } from './program';

let dir: string;
const CLEAN = 'Card payments at checkout are failing for some customers.';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'incident-comms-cli-draft-'));
});

async function file(name: string, contents: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, contents);
  return path;
}

describe('lint refuses what is not a text draft (exit 1)', () => {
  it('an executable (NUL bytes)', async () => {
    const { code, stdout, stderr } = await cli(['lint', process.execPath, '--kind', 'update']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${process.execPath}: expected a text file, got binary data (a NUL byte)\n`);
  });

  it('bytes that are not UTF-8 (no NUL)', async () => {
    const path = await file('random.bin', Uint8Array.from([0x43, 0x68, 0xff, 0x80, 0xc3, 0x41, 0xfe]));
    const { code, stderr } = await cli(['lint', path, '--kind', 'update']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${path}: expected UTF-8 text, got bytes that are not valid UTF-8 (save the file as UTF-8)\n`,
    );
  });

  it('a Latin-1 draft', async () => {
    const path = await file('latin1.txt', Buffer.from('Le paiement échoue au café. Déjà vu.', 'latin1'));
    const { code, stderr } = await cli(['lint', path, '--kind', 'update']);
    expect(code).toBe(1);
    expect(stderr).toContain('expected UTF-8 text');
  });

  it('the same checks on standard input', async () => {
    const binary = await cli(['lint', '-', '--kind', 'update'], Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0]));
    expect(binary.code).toBe(1);
    expect(binary.stderr).toBe('<stdin>: expected a text file, got binary data (a NUL byte)\n');
    const latin1 = await cli(['lint', '-', '--kind', 'update'], Buffer.from('Déjà vu', 'latin1'));
    expect(latin1.stderr).toMatch(/^<stdin>: expected UTF-8 text/);
  });

  it.each([
    ['empty', ''],
    ['whitespace-only', ' \n\t\r\n  '],
  ])('an %s draft, from a file or standard input', async (name, text) => {
    const path = await file(`${name}.txt`, text);
    const fromFile = await cli(['lint', path, '--kind', 'update']);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toBe(`${path}: the draft is empty\n`);
    const fromStdin = await cli(['lint', '--kind', 'update'], new TextEncoder().encode(text));
    expect(fromStdin.code).toBe(1);
    expect(fromStdin.stderr).toBe('<stdin>: the draft is empty\n');
  });
});

describe('lint reads UTF-8 drafts', () => {
  it('with accents and emoji; a byte-order mark is dropped', async () => {
    const text = 'Les paiements par carte échouent pour certains clients. 💳';
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeText(bom, 'utf8.txt')).toBe(text);
    const { stderr, stdout } = await cli([
      'lint',
      await file('utf8.txt', bom),
      '--kind',
      'update',
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)[0].file).toBe(join(dir, 'utf8.txt'));
  });
});

describe('standard input at a terminal', () => {
  it('prints a hint to stderr before waiting for the draft', async () => {
    const { stderr } = await cli(['lint', '--kind', 'update'], CLEAN, { stdinIsTTY: true });
    expect(STDIN_HINT).toContain('reading the draft from standard input; end with Ctrl-D, or pass a file');
    expect(stderr).toBe(STDIN_HINT);
  });

  it('prints no hint when standard input is piped, or when a file is given', async () => {
    expect((await cli(['lint', '--kind', 'update'], CLEAN, { stdinIsTTY: false })).stderr).toBe('');
    expect((await cli(['lint', '-', '--kind', 'update'], CLEAN)).stderr).toBe('');
    const path = await file('clean.txt', CLEAN);
    expect((await cli(['lint', path, '--kind', 'update'], '', { stdinIsTTY: true })).stderr).toBe('');
  });
});
