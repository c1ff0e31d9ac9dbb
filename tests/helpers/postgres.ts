import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for one test run: initdb and pg_ctl on a temp folder, listening on a free
 * local port, trusting local connections (nothing but this machine reaches it, and it lives minutes).
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user Debian's
 * package creates, and its commands run through runuser. `BAOCAO_TEST_PG` set beforehand names a server to
 * use instead (a connection string to a database the tests may create databases from).
 */
export interface TestCluster {
  /** connection string of the cluster's maintenance database */
  url: string;
  stop(): void;
}

/** Why no server could be started, for the skip message; null when one can. */
export type ClusterResult = { cluster: TestCluster; reason: null } | { cluster: null; reason: string };

/** PostgreSQL's server binaries: pg_config's bindir, Debian's versioned folders, or PATH. */
export function postgresBinDir(): string | null {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && existsSync(join(fromConfig.stdout.trim(), 'initdb'))) return fromConfig.stdout.trim();
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return onPath.status === 0 && onPath.stdout.trim() ? join(onPath.stdout.trim(), '..') : null;
}

async function freePort(): Promise<number> {
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

export async function startCluster(): Promise<ClusterResult> {
  const given = process.env.BAOCAO_TEST_PG;
  if (given) return { cluster: { url: given, stop: () => {} }, reason: null };
  const bin = postgresBinDir();
  if (!bin) return { cluster: null, reason: 'no PostgreSQL server binaries (initdb) found: install Debian’s postgresql or set BAOCAO_TEST_PG' };
  const asRoot = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | null = null;
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) return { cluster: null, reason: 'running as root and no `postgres` user to run the server as (PostgreSQL refuses root)' };
    owner = { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'baocao-pg-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'socket');
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] = owner ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'baocao', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    // the socket folder belongs to the server's user too
    execFileSync(owner ? 'runuser' : 'mkdir', owner ? ['-u', 'postgres', '--', 'mkdir', '-p', socket] : ['-p', socket]);
    // fsync off and a small shared memory: a test cluster holds nothing worth keeping, on a shared machine
    const options = `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=200`;
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const detail = err instanceof Error && 'stderr' in err ? String((err as { stderr: unknown }).stderr).trim() : String(err);
    return { cluster: null, reason: `could not start a PostgreSQL cluster with ${bin}: ${detail}` };
  }
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { cluster: { url: `postgres://baocao@127.0.0.1:${port}/postgres`, stop }, reason: null };
}
