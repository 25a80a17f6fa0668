// Reads the Go templates shipped in templates/ at the package root.
import { readFile } from 'node:fs/promises';
import { GoleakRunError } from '../errors.js';
import type { Templates } from './types.js';
import { mergeGoFiles } from './merge-go-files.js';
import { compileTemplate, dropDocLines } from './render-template.js';
import { templatesDirFrom } from '../package-files.js';

// The package root is two levels up from src/ and tsc's dist/, two or three from the bundle.
const templatesDir = templatesDirFrom(import.meta.url);

/** Loads the templates; a missing file means a broken install. */
export async function loadTemplates(dir: URL = templatesDir): Promise<Templates> {
  const read = async (name: string): Promise<string> => {
    try {
      return await readFile(new URL(name, dir), 'utf8');
    } catch (cause) {
      throw new GoleakRunError(`cannot read template ${name} from ${dir.pathname}: broken install?`, { cause });
    }
  };
  const [check, scan, record, sign, testMain, wrapTestMain] = await Promise.all([
    read('check.go.tmpl'),
    read('scan.go.tmpl'),
    read('record.go.tmpl'),
    read('sign.go.tmpl'),
    read('testmain.go.tmpl'),
    read('wrap-testmain.go.tmpl'),
  ]);
  const parts = [
    { stem: 'check', text: check },
    { stem: 'scan', text: scan },
    { stem: 'record', text: record },
    { stem: 'sign', text: sign },
  ];
  // Merged before filling: the parts' import blocks hold no placeholder, so one merge serves every package.
  const merged = (first: string[]) =>
    compileTemplate(mergeGoFiles([...first, ...parts.map((p) => p.text)].map(dropDocLines)));
  return {
    check: parts,
    testMain,
    wrapTestMain,
    checkFile: { alone: merged([]), testMain: merged([testMain]), wrapTestMain: merged([wrapTestMain]) },
  };
}
