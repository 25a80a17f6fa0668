import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchProfile, ProfileSourceError } from '../../src/profile/fetch-profile.js';

// Node's own fetch against a server on 127.0.0.1: bodies, caps and aborts as they really behave.
describe('fetchProfile', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/ok') res.end('goroutine 1 [running]:\n');
      else if (req.url === '/declared') res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
      else if (req.url === '/streamed') {
        res.writeHead(200);
        for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
        res.end();
      } else if (req.url === '/missing') res.writeHead(404).end();
      // /hang never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const request = (path: string, extra: object = {}) => ({
    url: new URL(`${base}${path}`),
    display: `${base}${path}`,
    headers: {},
    timeoutMs: 5000,
    ...extra,
  });

  it('returns the body, and a 404 as not-found for the caller to judge', async () => {
    const ok = await fetchProfile(fetch, request('/ok'));
    expect(ok.status === 'ok' && Buffer.from(ok.bytes ?? []).toString()).toBe('goroutine 1 [running]:\n');
    expect(await fetchProfile(fetch, request('/missing'))).toEqual({ status: 'not-found' });
  });

  it('refuses bodies over the cap, declared or streamed', async () => {
    await expect(fetchProfile(fetch, request('/declared', { maxBytes: 4096 }))).rejects.toThrow(
      new ProfileSourceError(
        `expected a goroutine profile from ${base}/declared, found a body over the 4096 byte limit`,
      ),
    );
    await expect(fetchProfile(fetch, request('/streamed', { maxBytes: 4096 }))).rejects.toThrow(
      /found a body over the 4096 byte limit$/,
    );
    expect((await fetchProfile(fetch, request('/streamed', { maxBytes: 10_000 }))).status).toBe('ok');
  });

  it('lets an interrupt through as itself, not as a source error', async () => {
    const stop = new AbortController();
    const pending = fetchProfile(fetch, request('/hang', { signal: stop.signal }));
    setTimeout(() => stop.abort(), 50);
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ProfileSourceError);
    expect(stop.signal.aborted).toBe(true);
  });
});
