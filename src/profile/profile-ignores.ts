// Goroutines a service keeps on purpose that block like a leak would. Each entry was checked
// against fixtures/profiles/recorded (the file named at the end of its reason). They add to
// the test runner's built-in list (src/classify/builtin-ignores.ts) and the user's rules.
import type { IgnoreRule } from '../model.js';

function rule(kind: IgnoreRule['kind'], func: string, reason: string): IgnoreRule {
  return { kind, func, reason, origin: 'built-in' };
}

/** Idle connection goroutines of net/http, server and client side. */
export const PROFILE_IGNORES: readonly IgnoreRule[] = [
  rule('any', 'net/http.(*conn).serve', 'a server connection, idle between keep-alive requests or reading one (service-debug2.txt)'),
  rule('any', 'net/http.(*persistConn).readLoop', 'a pooled client connection waiting for its next response (service-debug2.txt)'),
  rule('any', 'net/http.(*persistConn).writeLoop', 'a pooled client connection waiting for its next request (service-debug2.txt)'),
];
