// Data shapes of the overlay stage.
import type { IgnoreRule } from '../model.js';
import type { FillTemplate } from './render-template.js';

/** The Go templates (templates/*.go.tmpl), as text. */
export interface Templates {
  /** The leak check in parts (check, scan, record, sign), merged into one generated file per test package. */
  check: { stem: string; text: string }[];
  /** A TestMain for packages that have none. */
  testMain: string;
  /** A TestMain that calls the user's renamed one. */
  wrapTestMain: string;
  /** The check's parts merged into one file, compiled once per run: alone, or after either TestMain. */
  checkFile: Record<CheckVariant, FillTemplate>;
}

/** Which TestMain, if any, opens the generated check file. */
export type CheckVariant = 'alone' | 'testMain' | 'wrapTestMain';

/** A file to hand to `go test -overlay`: an existing path replaced, or a new one added. */
export interface OverlayFile {
  /** Absolute path in the package directory, as the go command will see it. */
  originalPath: string;
  content: string;
}

/** What the overlay does to one package. */
export interface PackageOverlayPlan {
  importPath: string;
  files: OverlayFile[];
  /** What was done, for verbose output: "TestMain wrapped in main_test.go". */
  notes: string[];
  /** Things that may keep the check from running or from compiling. */
  warnings: string[];
  /** Ignore rules read from the package's own source (goleak.VerifyTestMain options). */
  rules: IgnoreRule[];
  /** Where TestMain hands m to code the check cannot follow: the reason if the check never runs. */
  handoffs: string[];
  /** Said only if the package fails: what may make it fail under goleak-run alone. */
  failureHints?: string[];
  /** Why the package is run without the check, when it is (it would otherwise fail under goleak-run only). */
  unchecked?: string;
}

/** The overlay written to disk. */
export interface WrittenOverlay {
  /** Path of the JSON file to pass as `-overlay`. */
  overlayFile: string;
  /** Temp file path → the user's path it stands for, to map compiler output back. */
  tempToOriginal: Record<string, string>;
}
