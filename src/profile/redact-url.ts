// Secrets in source URLs (basic-auth userinfo, tokens in the query) never reach a report, a
// log line or an error message: everything that prints a URL prints it through here.

/** Query parameters of net/http/pprof itself, which hold no secret and help reading a report. */
const SAFE_PARAMS = new Set(['debug', 'seconds', 'gc']);

/** Placeholder for a removed secret. */
export const REDACTED = 'REDACTED';

/**
 * The URL with userinfo replaced by `REDACTED@`, every query value but pprof's own replaced by
 * `REDACTED`, and the fragment dropped. Text that does not parse as a URL loses everything
 * between `//` and `@` and everything after `?` or `#`.
 */
export function redactUrl(url: string | URL): string {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : new URL(url.href);
  } catch {
    return redactUnparsed(String(url));
  }
  const hadUser = u.username !== '' || u.password !== '';
  u.username = '';
  u.password = '';
  u.hash = '';
  const params = [...u.searchParams].map(
    ([k, v]) => `${encodeURIComponent(k)}=${SAFE_PARAMS.has(k) ? encodeURIComponent(v) : REDACTED}`,
  );
  u.search = '';
  const base = u.href;
  const withUser = hadUser ? base.replace('//', `//${REDACTED}@`) : base;
  return params.length > 0 ? `${withUser}?${params.join('&')}` : withUser;
}

function redactUnparsed(text: string): string {
  const cut = text.search(/[?#]/);
  const head = cut < 0 ? text : `${text.slice(0, cut)}?${REDACTED}`;
  return head.replace(/\/\/[^/@]*@/, `//${REDACTED}@`);
}

/** Replaces every occurrence of the URL's secrets (password, username, query values) in free text. */
export function scrubSecrets(text: string, url: URL): string {
  const secrets = [
    url.password,
    url.username,
    ...[...url.searchParams].filter(([k]) => !SAFE_PARAMS.has(k)).map(([, v]) => v),
  ]
    .flatMap((s) => (s === '' ? [] : [s, safeDecode(s), encodeURIComponent(s)]))
    .filter((s) => s.length >= 3)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of secrets) out = out.split(s).join(REDACTED);
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
