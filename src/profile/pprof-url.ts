// A SOURCE URL → the goroutine and goroutineleak endpoints of the same net/http/pprof handler.
// Accepted: the `/debug/pprof/` base (or wherever the service mounts it), the goroutine or
// goroutineleak endpoint itself, or a bare host (then `/debug/pprof/` is meant). The user's query (an access token, say) is kept for both.
import { UsageError } from '../errors.js';
import { redactUrl } from './redact-url.js';

/** The requests made for one instance; credentials moved out of the URL into a header. */
export interface PprofEndpoints {
  /** The URL as given, redacted: what reports and messages show. */
  display: string;
  goroutine: URL;
  leak: URL;
  /** `Authorization: Basic …` from `user:password@`, which fetch refuses inside a URL. */
  headers: Record<string, string>;
}

/** debug level of the goroutine endpoint: 2 stacks with wait times, 1 counted text, 0 pprof protobuf. */
export type DebugLevel = 0 | 1 | 2;

// pprof's own parameters are ours to set; anything else the user put in the URL is kept.
const OWN_PARAMS = ['debug', 'seconds', 'gc'];

/** True when the SOURCE is meant as a URL rather than a file. */
export function isUrlSource(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Endpoints for a SOURCE URL; UsageError (redacted) when it does not parse. */
export function pprofEndpoints(source: string, debug: DebugLevel): PprofEndpoints {
  let u: URL;
  try {
    u = new URL(source);
  } catch (cause) {
    throw new UsageError(`expected an http(s):// URL, found "${redactUrl(source)}"`, { cause });
  }
  const headers: Record<string, string> = {};
  if (u.username !== '' || u.password !== '') {
    const user = decodeURIComponent(u.username);
    const pass = decodeURIComponent(u.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  }
  const display = redactUrl(u);
  u.username = '';
  u.password = '';
  u.hash = '';
  for (const p of OWN_PARAMS) u.searchParams.delete(p);
  const segments = u.pathname.split('/');
  while (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  const last = segments[segments.length - 1];
  if (last === 'goroutine' || last === 'goroutineleak') segments.pop();
  // A bare host means the service: net/http/pprof registers itself at /debug/pprof/.
  const dir = segments.length > 1 ? segments.join('/') : '/debug/pprof';
  const goroutine = new URL(u.href);
  goroutine.pathname = `${dir}/goroutine`;
  goroutine.searchParams.set('debug', String(debug));
  const leak = new URL(u.href);
  leak.pathname = `${dir}/goroutineleak`;
  // The leak profile in protobuf: only the leaked goroutines, with runtime frames to tell the operation.
  leak.searchParams.set('debug', '0');
  return { display, goroutine, leak, headers };
}
