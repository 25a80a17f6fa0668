// I/O: one run of the helper's `rewrite` command: a request on stdin, the answer on stdout.
import { spawn } from 'node:child_process';
import { ToolchainError } from '../errors.js';
import type { RewriteRequest, RewriteResponse } from './stress-overlay.js';

/** Sends the package's files to the helper and returns the rewritten ones. */
export function rewriteFiles(helper: string, request: RewriteRequest): Promise<RewriteResponse> {
  return new Promise((resolve, reject) => {
    const child = spawn(helper, ['rewrite'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined);
    child.on('error', (cause) =>
      reject(new ToolchainError(`expected the stress helper to start, found: ${cause.message}`, { cause })),
    );
    child.on('close', (code) => {
      const text = Buffer.concat(out).toString('utf8');
      try {
        if (code !== 0) throw new Error(Buffer.concat(err).toString('utf8').trim() || `exit code ${code}`);
        resolve(JSON.parse(text) as RewriteResponse);
      } catch (cause) {
        reject(
          new ToolchainError(`expected the stress helper to rewrite the files, found: ${(cause as Error).message}`, {
            cause,
          }),
        );
      }
    });
    child.stdin.end(JSON.stringify(request));
  });
}
