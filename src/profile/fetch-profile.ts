// HTTP for the profile command, with the fetch function passed in: one request, a time-out, no
// redirect followed (a redirect from a pprof endpoint is a login page or a misconfigured proxy,
// and following it could hand credentials to another host), and a size cap on the body.
// Every failure is one line, with the URL redacted.
import { GoleakRunError } from '../errors.js';
import { redactUrl, scrubSecrets } from './redact-url.js';

/** A source that could not be read: one line, redacted, exit code 2. */
export class ProfileSourceError extends GoleakRunError {
  override readonly name = 'ProfileSourceError';
}

/** The subset of fetch the command uses (Node's global fetch fits). */
export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/** A request for one profile. */
export interface ProfileRequest {
  url: URL;
  /** Redacted URL for messages. */
  display: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Aborts the request (Ctrl-C). */
  signal?: AbortSignal;
  /** What is asked for, in messages; `goroutine profile` when absent. */
  what?: string;
  /** Largest body accepted; MAX_BODY_BYTES when absent. */
  maxBytes?: number;
}

/** What came back: the body (a ProfileBytes to hand to the reader), or a 404, which the caller judges. */
export type ProfileResponse = { status: 'ok'; bytes?: Uint8Array } | { status: 'not-found' };

// Largest body read: Go caps debug=2 dumps at 64 MiB; a protobuf of a million labelled goroutines stays under this.
const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** Fetches one profile; ProfileSourceError with one redacted line on any failure. */
export async function fetchProfile(fetchFn: FetchFn, req: ProfileRequest): Promise<ProfileResponse> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  const fail = (found: string, cause?: unknown): ProfileSourceError =>
    new ProfileSourceError(
      `expected a ${req.what ?? 'goroutine profile'} from ${req.display}, found ${scrubSecrets(found, req.url)}`,
      { cause },
    );
  let res: Response;
  try {
    res = await fetchFn(req.url.href, { headers: req.headers, redirect: 'manual', signal });
  } catch (cause) {
    if (req.signal?.aborted) throw cause;
    throw fail(describeFetchError(cause, timeout.aborted, req.timeoutMs), cause);
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel();
    const to = res.headers.get('location');
    throw fail(`a redirect (HTTP ${res.status})${to ? ` to ${redactLocation(to, req.url)}` : ''}; give the final URL`);
  }
  if (res.status === 404) {
    await res.body?.cancel();
    return { status: 'not-found' };
  }
  if (res.status < 200 || res.status >= 300) {
    await res.body?.cancel();
    throw fail(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
  let body: Uint8Array | string;
  try {
    body = await readCapped(res, req.maxBytes ?? MAX_BODY_BYTES);
  } catch (cause) {
    if (req.signal?.aborted) throw cause;
    throw fail(describeFetchError(cause, timeout.aborted, req.timeoutMs), cause);
  }
  if (typeof body === 'string') throw fail(body);
  return { status: 'ok', bytes: body };
}

// The body, or what was found instead when it is over the cap.
async function readCapped(res: Response, max: number): Promise<Uint8Array | string> {
  const tooBig = `a body over the ${max >= 1 << 20 ? `${max / (1 << 20)} MiB` : `${max} byte`} limit`;
  if (Number(res.headers.get('content-length') ?? NaN) > max) {
    await res.body?.cancel();
    return tooBig;
  }
  if (res.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) {
      await res.body.cancel().catch(() => undefined);
      return tooBig;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function describeFetchError(cause: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${timeoutMs / 1000}s (timed out; see --timeout)`;
  const inner = (cause as { cause?: unknown })?.cause ?? cause;
  const code = (inner as { code?: unknown })?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the service listening there?)',
    ENOTFOUND: 'an unknown host',
    EAI_AGAIN: 'an unresolvable host (DNS lookup failed)',
    ECONNRESET: 'the connection reset by the service',
    EHOSTUNREACH: 'an unreachable host',
    UND_ERR_SOCKET: 'the connection closed by the service',
  };
  if (typeof code === 'string' && known[code] !== undefined) return known[code];
  const message = inner instanceof Error ? inner.message : String(inner);
  return `a failed request (${message.split('\n')[0]})`;
}

// A relative Location resolves against the request; either way it is redacted like a source.
function redactLocation(location: string, base: URL): string {
  try {
    return redactUrl(new URL(location, base));
  } catch {
    return 'an unparsable location';
  }
}
