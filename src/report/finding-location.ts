// The one file:line a CI system should point at for a finding.
import type { Finding } from '../model.js';
import { repoRelative, type PathContext } from './paths.js';

/** A repository-relative source location. */
export interface SourceLocation {
  file: string;
  line: number;
}

/**
 * The creation site when it is in the repository; otherwise the innermost frame that is,
 * so a goroutine started from the standard library still points at the user's code.
 */
export function findingLocation(finding: Finding, paths: PathContext): SourceLocation | undefined {
  const candidates = [...(finding.createdAt ? [finding.createdAt] : []), ...finding.stack];
  for (const { file, line } of candidates) {
    const relative = repoRelative(file, paths);
    if (relative !== undefined) return { file: relative, line };
  }
  return undefined;
}
