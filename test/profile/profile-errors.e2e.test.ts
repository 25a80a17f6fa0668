import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IncomingHttpHeaders, createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli, tempDir } from '../e2e/run-cli.js';

// Services that misbehave, on 127.0.0.1 in this process: each failure is one line on stderr,
// exit code 2, and no secret from the URL in anything printed.
describe('goleak-run profile on sources it cannot read', () => {
  const tmp = tempDir('goleak-run-profile-errors-');
  const seen: IncomingHttpHeaders[] = [];
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      if (req.url?.startsWith('/redirect/')) {
        res.writeHead(302, { location: '/login?next=tok123&session=abc999' }).end();
      } else if (req.url?.startsWith('/slow/')) {
        // Never answers: the client's time-out has to end it.
      } else if (req.url?.startsWith('/html/')) {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>login</body></html>');
      } else if (req.url?.startsWith('/broken/')) {
        res.writeHead(500, 'Internal Server Error').end('boom');
      } else {
        res.writeHead(404).end('404 page not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    tmp.remove();
  });

  const expectOneLine = (r: { exitCode?: number; stderr: string; stdout: string }, pattern: RegExp): void => {
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
  };

  it('says where a redirect leads, without the credentials or query values of either URL', async () => {
    const source = `${base.replace('//', '//alice:s3cret@')}/redirect/debug/pprof/?token=tok123`;
    const r = await runCli(repoRoot, ['profile', source]);
    expectOneLine(
      r,
      /^goleak-run: expected a goroutine profile from http:\/\/REDACTED@127\.0\.0\.1:\d+\/redirect\/debug\/pprof\/\?token=REDACTED, found a redirect \(HTTP 302\) to http:\/\/127\.0\.0\.1:\d+\/login\?next=REDACTED&session=REDACTED; give the final URL$/,
    );
    for (const secret of ['alice', 's3cret', 'tok123', 'abc999']) expect(r.stderr).not.toContain(secret);
    // The credentials went to the service as basic auth, and the token in the query, as the user meant.
    const last = seen[seen.length - 1];
    expect(last?.authorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
  });

  it('times out a service that does not answer', async () => {
    const r = await runCli(repoRoot, ['profile', '--timeout', '300ms', `${base}/slow/debug/pprof/`]);
    expectOneLine(r, /found no answer within 0\.3s \(timed out; see --timeout\)$/);
  });

  it('names connection refused, 404, HTTP errors and pages that are not profiles', async () => {
    const closed = await freePort();
    expectOneLine(
      await runCli(repoRoot, ['profile', `http://127.0.0.1:${closed}/debug/pprof/`]),
      /found connection refused \(is the service listening there\?\)$/,
    );
    expectOneLine(
      await runCli(repoRoot, ['profile', `${base}/nothing/`]),
      /nothing\/, found HTTP 404 Not Found \(is net\/http\/pprof served there\?\)$/,
    );
    expectOneLine(
      await runCli(repoRoot, ['profile', `${base}/broken/debug/pprof/`]),
      /found HTTP 500 Internal Server Error$/,
    );
    expectOneLine(await runCli(repoRoot, ['profile', `${base}/html/debug/pprof/`]), /found an HTML page$/);
  });

  it('prints one line per source that fails, then exits 2 without a report', async () => {
    const html = join(tmp.path, 'page.html');
    writeFileSync(html, '<html><body>not a profile</body></html>');
    const json = join(tmp.path, 'none.json');
    const r = await runCli(tmp.path, ['profile', 'missing.pb.gz', html, '--json', json]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      'goleak-run: expected a goroutine profile file at missing.pb.gz, found no such file\n' +
        `goleak-run: expected a goroutine profile in ${html}, found an HTML page`,
    );
    expect(r.stdout).toBe('');
  });

  it('refuses bad options with one line before reading anything', async () => {
    const cases: Array<[string[], string]> = [
      [['profile'], "goleak-run: missing required argument 'source'"],
      [
        ['profile', '--samples', '3', '--interval', '1s', 'x.pb'],
        'goleak-run: expected an http(s):// URL to sample with --samples, found only files',
      ],
      [
        ['profile', '--samples', '2', '--interval', '1s', base],
        'goleak-run: expected --samples 1, or 3 or more to judge growth, found 2',
      ],
      [['profile', '--samples', '3', base], 'goleak-run: expected --interval with --samples, found none'],
      [
        ['profile', '--interval', 'soon', '--samples', '3', base],
        'goleak-run: expected --interval to be a Go duration like 500ms, 2s or 1m30s, found "soon"',
      ],
      [
        ['profile', '--threshold', '0', base],
        'goleak-run: expected --threshold to be a whole number of at least 1, found "0"',
      ],
      [
        ['profile', '--debug', '3', base],
        "goleak-run: option '--debug <level>' argument '3' is invalid. Allowed choices are 0, 1, 2.",
      ],
    ];
    const requestsBefore = seen.length;
    for (const [args, stderr] of cases) {
      const r = await runCli(tmp.path, args);
      expect({ args, code: r.exitCode, stderr: r.stderr }).toEqual({ args, code: 2, stderr });
    }
    // None of them got as far as a request to the service.
    expect(seen.length).toBe(requestsBefore);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
