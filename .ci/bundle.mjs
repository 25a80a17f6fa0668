// `npm run build`, second step: bundles the CLI into what the package ships — dist/bin/goleak-run.js
// and the chunks it loads on demand (no node_modules needed at run time, one module graph to load
// at start-up) — and dist/bin/THIRD-PARTY-LICENSES.txt with the license of every bundled package.
// It has a folder of its own: tsc's dist/ tree (which the tests import) never overwrites it.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bin');
rmSync(out, { recursive: true, force: true });

// CommonJS dependencies (write-file-atomic, junit-report-builder) expect require and __filename,
// which an ES module does not have.
const banner = [
  "import { createRequire as __bundleRequire } from 'node:module';",
  "import { fileURLToPath as __bundleUrlPath } from 'node:url';",
  'const require = __bundleRequire(import.meta.url);',
  'const __filename = __bundleUrlPath(import.meta.url);',
  "const __dirname = __bundleUrlPath(new URL('.', import.meta.url));",
].join(' ');

const result = await build({
  entryPoints: [join(root, 'src', 'cli.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Each lazily imported command and reporter stays in a chunk of its own, loaded only when used.
  splitting: true,
  outdir: out,
  entryNames: 'goleak-run',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  banner: { js: banner },
  metafile: true,
  logLevel: 'warning',
});

// The licenses of the bundled packages: their copyright notices must travel with the copies.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) packages.set(m[1], join(root, 'node_modules', m[1]));
}
const notices = [...packages]
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([name, dir]) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${pkg.license}`;
    return `${name}@${pkg.version} (${pkg.license})\n\n${text}\n`;
  });
writeFileSync(
  join(out, 'THIRD-PARTY-LICENSES.txt'),
  `goleak-run bundles these packages into dist/bin/.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);
