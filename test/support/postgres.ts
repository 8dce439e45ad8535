import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A throwaway PostgreSQL server: `url` points at a fresh, empty database on it. */
export interface TestPostgres {
  url: string;
  /** The server without a database name (`postgres://etap@127.0.0.1:PORT`), for createDatabase. */
  server: string;
  stop(): Promise<void>;
}

/** True when the caller asked to run without PostgreSQL (`ETAP_SKIP_POSTGRES=1`). */
export const skipPostgres = process.env.ETAP_SKIP_POSTGRES === '1';

/**
 * Starts a private PostgreSQL (15 where installed): initdb into a temp dir, pg_ctl on a free
 * port, a unix socket in the same dir, and a database `etap`. PostgreSQL refuses to run as
 * root, so under root (CI) the server runs as `postgres`, or `nobody` when that user is missing.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = findBinaries();
  const user = process.getuid?.() === 0 ? serverUser() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'etap-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (command: string, args: string[]) => runAs(user?.name, join(bin, command), args);
  try {
    run('initdb', ['-D', data, '-U', 'etap', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const server = `postgres://etap@127.0.0.1:${port}`;
  const stop = async () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    return { url: await createDatabase(server, 'etap'), server, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Creates an empty database on a running server; returns its URL. */
export async function createDatabase(server: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return `${server}/${name}`;
}

/** The directory holding initdb and pg_ctl; throws with what to do when there is none. */
function findBinaries(): string {
  const candidates = ['/usr/lib/postgresql/15/bin'];
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries not found (looked in /usr/lib/postgresql/15/bin and `pg_config --bindir`). ' +
        'Install PostgreSQL 15 (apt-get install postgresql-15) or set ETAP_SKIP_POSTGRES=1 to test SQLite only.',
    );
  }
  return found;
}

function serverUser(): { name: string; uid: number; gid: number } {
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout), gid: Number(gid.stdout) };
  }
  throw new Error('running as root, and neither a `postgres` nor a `nobody` user exists to run PostgreSQL as');
}

function runAs(user: string | undefined, command: string, args: string[]): void {
  const [file, argv] = user ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args];
  try {
    // cwd: the server user may not be able to read the caller's working directory.
    execFileSync(file, argv, { stdio: 'pipe', cwd: tmpdir() });
  } catch (error) {
    const failure = error as { stderr?: Buffer; stdout?: Buffer; message: string };
    const output = `${failure.stdout?.toString() ?? ''}${failure.stderr?.toString() ?? ''}`.trim();
    throw new Error(`${command} failed: ${output || failure.message}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
