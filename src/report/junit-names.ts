// Names of JUnit suites and test cases, chosen for how CI systems display them.
import type { Finding, PackageReport } from '../model.js';
import { findingTitle } from './labels.js';

/**
 * The `classname` of every test case of a package: the module's last path element followed
 * by the package directory, joined with dots (`demo.internal.pool` for
 * `example.com/demo/internal/pool`). Jenkins splits a classname at its last dot into
 * package and class, which turns a raw import path into `github` / `com/org/repo/pkg`;
 * dots inside elements become `_` so the split always falls between directories.
 * GitLab shows the classname as its "Suite" column, where the short form reads well.
 */
export function junitClassname(importPath: string, modulePath: string): string {
  const elements = modulePath.split('/');
  let root = elements.at(-1) ?? modulePath;
  // A major-version suffix (`/v2`) names no package; keep the element before it as well.
  if (/^v\d+$/.test(root) && elements.length > 1) root = `${elements.at(-2)}/${root}`;
  const rest =
    importPath === modulePath
      ? ''
      : importPath.startsWith(`${modulePath}/`)
        ? importPath.slice(modulePath.length + 1)
        : importPath;
  const path = rest === '' ? root : `${root}/${rest}`;
  return path
    .split('/')
    .map((element) => element.replace(/\./g, '_'))
    .join('.');
}

/** `leak: TestFoo/sub ×3 chan receive in pool.worker`: what leaked, from where, at a glance. */
export function leakCaseName(finding: Finding): string {
  return `leak: ${findingTitle(finding)}`;
}

/** Name of the test case standing for a package-level failure text. */
export function packageFailureName(pkg: PackageReport, text: string): string {
  if (pkg.status === 'build-failed') return 'build failed';
  const first = text.split('\n').find((line) => line.trim() !== '') ?? 'package failed';
  return `package failure: ${first.trim().slice(0, 120)}`;
}
