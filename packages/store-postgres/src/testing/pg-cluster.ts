/**
 * @module store-postgres/testing/pg-cluster
 * A throwaway PostgreSQL server for tests: `initdb` into a temporary folder, started with
 * `pg_ctl` on loopback and a socket in that folder, removed afterwards. Nothing assumes a
 * server already running. As root (CI), the cluster runs as the `postgres` system user, since
 * PostgreSQL refuses to run as root.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running throwaway cluster. */
export interface PgCluster {
  /** Connection string for the `postgres` superuser on 127.0.0.1 (trust authentication). */
  readonly url: string;
  readonly port: number;
  /** Stops the server (fast shutdown: open connections are cut) and starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops the server and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

/** Where `initdb` and `pg_ctl` live: `PG_BIN`, `pg_config --bindir`, or Debian's versioned folder. */
export function findPgBin(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin/initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = r.status === 0 ? r.stdout.trim() : '';
  if (dir && existsSync(join(dir, 'initdb'))) return dir;
  throw new Error(
    'PostgreSQL server binaries (initdb, pg_ctl) not found: install them (Debian: apt-get install postgresql) or set PG_BIN',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Creates and starts a throwaway cluster.
 *
 * @throws Error when the PostgreSQL binaries are missing or the server does not start.
 * @example
 * const pg = await startPgCluster();
 * const pool = new pg.Pool({ connectionString: cluster.url });
 * await cluster.stop();
 */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  const dir = mkdtempSync(join(tmpdir(), 'incident-comms-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let uid: number | undefined;
  if (isRoot) {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (tool: string, args: string[]) => {
    const r = spawnSync(join(bin, tool), args, {
      encoding: 'utf8',
      cwd: dir,
      ...(uid !== undefined ? { uid } : {}),
      env: { ...process.env, LC_ALL: 'C' },
    });
    if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c max_connections=200',
  ].join(' ');
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const stopServer = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async restart() {
      stopServer();
      start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        stopServer();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
