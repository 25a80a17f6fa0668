// I/O: the stress templates and the Go helper (templates/stress-helper), built with the toolchain
// that runs the tests and cached per toolchain and helper source, so go/parser reads the
// user's Go exactly as their compiler does, and later runs start it at once.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GoleakRunError, ToolchainError } from '../errors.js';
import type { StressTemplates } from './stress-overlay.js';
import { templatesDirFrom } from '../package-files.js';

// The package root is two levels up from src/ and tsc's dist/, two or three from the bundle.
const templatesDir = templatesDirFrom(import.meta.url);
const HELPER_FILES = ['main.go', 'rewrite.go', 'hooks.go', 'supervise.go'];

/** Loads templates/perturb.go.tmpl and templates/stress.go.tmpl. */
export async function loadStressTemplates(dir: URL = templatesDir): Promise<StressTemplates> {
  const read = (name: string) =>
    readFile(new URL(name, dir), 'utf8').catch((cause: unknown) => {
      throw new GoleakRunError(`cannot read template ${name} from ${dir.pathname}: broken install?`, { cause });
    });
  const [perturb, stress] = await Promise.all([read('perturb.go.tmpl'), read('stress.go.tmpl')]);
  return { perturb, stress };
}

/** Returns the helper binary for this toolchain, building it into `cacheDir` the first time. */
export async function ensureHelper(opts: {
  /** GOROOT of the toolchain that runs the tests (`go env GOROOT` in the module). */
  goRoot: string;
  goVersion: string;
  env: NodeJS.ProcessEnv;
  cacheDir: string;
  /** A private scratch directory for the build. */
  tmpDir: string;
  platform: NodeJS.Platform;
  arch: string;
  /** This process, to name the partial binary. */
  pid: number;
}): Promise<string> {
  const sourceDir = new URL('stress-helper/', templatesDir);
  const sources = await Promise.all(HELPER_FILES.map((f) => readFile(new URL(f, sourceDir))));
  const hash = createHash('sha256').update(`${opts.goVersion} ${opts.platform} ${opts.arch}\n`);
  for (const s of sources) hash.update(s);
  const exe = opts.platform === 'win32' ? '.exe' : '';
  const path = join(opts.cacheDir, `stress-helper-${hash.digest('hex').slice(0, 16)}${exe}`);
  if (await isFile(path)) return path;
  const work = join(opts.tmpDir, 'stress-helper-src');
  await mkdir(work, { recursive: true });
  await mkdir(opts.cacheDir, { recursive: true });
  await Promise.all(HELPER_FILES.map((f) => copyFile(new URL(f, sourceDir), join(work, f))));
  // Built under its own name, then renamed: a concurrent run never starts half a binary.
  const partial = `${path}.${opts.pid}.partial`;
  const go = join(opts.goRoot, 'bin', `go${exe}`);
  // Outside any module and with the user's GOFLAGS left out: only the standard library is used.
  const env = { ...opts.env, GOFLAGS: '', GOWORK: 'off', GOTOOLCHAIN: 'local', GO111MODULE: 'on', CGO_ENABLED: '0' };
  const result = await run(go, ['build', '-trimpath', '-o', partial, ...HELPER_FILES], { cwd: work, env });
  if (result.code !== 0) {
    await rm(partial, { force: true });
    const line =
      result.stderr.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#')) ?? `exit code ${result.code}`;
    throw new ToolchainError(`expected go build to build the stress helper, found: ${line.trim()}`);
  }
  await rename(partial, path);
  return path;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { ...opts, encoding: 'utf8', maxBuffer: 1 << 24 }, (error, _stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stderr: stderr || (error && typeof error.code === 'string' ? `${cmd}: ${error.code}` : '') });
    });
  });
}
