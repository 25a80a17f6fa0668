import { describe, expect, it } from 'vitest';
import { pprofEndpoints } from '../../src/profile/pprof-url.js';
import { REDACTED, redactUrl, scrubSecrets } from '../../src/profile/redact-url.js';

describe('redactUrl', () => {
  it("removes userinfo, query values (pprof's own excepted) and the fragment", () => {
    expect(redactUrl('https://alice:s3cret@svc.internal:6060/debug/pprof/?token=abc123&debug=2#top')).toBe(
      `https://${REDACTED}@svc.internal:6060/debug/pprof/?token=${REDACTED}&debug=2`,
    );
    expect(redactUrl('http://user@h/x?a=1&a=2')).toBe(`http://${REDACTED}@h/x?a=${REDACTED}&a=${REDACTED}`);
    expect(redactUrl('http://h:1/debug/pprof/')).toBe('http://h:1/debug/pprof/');
    expect(redactUrl(new URL('http://h/?seconds=5&gc=1'))).toBe('http://h/?seconds=5&gc=1');
  });

  it('redacts text that does not parse as a URL too', () => {
    expect(redactUrl('http://bob:pw@[bad/x?key=v')).toBe(`http://${REDACTED}@[bad/x?${REDACTED}`);
  });

  it('scrubs the secrets of a URL out of free text, encoded or not', () => {
    const u = new URL('http://alice:p%40ss@h/?token=t0ken&debug=2');
    expect(scrubSecrets('auth p@ss and p%40ss for alice, t0ken, debug 2', u)).toBe(
      `auth ${REDACTED} and ${REDACTED} for ${REDACTED}, ${REDACTED}, debug 2`,
    );
  });
});

describe('pprofEndpoints', () => {
  it('maps the base, the goroutine endpoint and a bare host to both endpoints, keeping the user query', () => {
    for (const source of [
      'http://h:6060/debug/pprof/',
      'http://h:6060/debug/pprof',
      'http://h:6060/debug/pprof/goroutine?debug=1',
      'http://h:6060',
    ]) {
      const e = pprofEndpoints(source, 2);
      expect(e.goroutine.href, source).toBe('http://h:6060/debug/pprof/goroutine?debug=2');
      expect(e.leak.href, source).toBe('http://h:6060/debug/pprof/goroutineleak?debug=0');
    }
    const custom = pprofEndpoints('https://h/internal/prof/goroutineleak?token=t', 0);
    expect(custom.goroutine.href).toBe('https://h/internal/prof/goroutine?token=t&debug=0');
    expect(custom.display).toBe(`https://h/internal/prof/goroutineleak?token=${REDACTED}`);
  });

  it('moves credentials into a basic auth header, out of the URL and the display', () => {
    const e = pprofEndpoints('http://al%20ice:s3cr%3At@h/debug/pprof/', 2);
    expect(e.headers).toEqual({ authorization: `Basic ${Buffer.from('al ice:s3cr:t').toString('base64')}` });
    expect(e.goroutine.href).toBe('http://h/debug/pprof/goroutine?debug=2');
    expect(e.display).toBe(`http://${REDACTED}@h/debug/pprof/`);
  });
});
