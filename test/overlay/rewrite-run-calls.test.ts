// goleak.VerifyTestMain is wrapped so the check runs inside it; its literal options become rules;
// other ways TestMain can end the process are named for the report.
import { describe, expect, it } from 'vitest';
import { tokenizeGo } from '../../src/go-source/go-tokenizer.js';
import { rewriteRunCalls } from '../../src/overlay/rewrite-run-calls.js';

const rewrite = (src: string) => rewriteRunCalls(src, tokenizeGo(src).tokens, 'main_test.go');

describe('rewriteRunCalls', () => {
  it('wraps m for goleak.VerifyTestMain in place, reading literal options as rules', () => {
    const src = `package a

import (
	"testing"

	gl "go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	gl.VerifyTestMain(m, gl.IgnoreTopFunction("a.worker"), gl.IgnoreAnyFunction(\`a.poll\`), gl.IgnoreCreatedBy("a.start"), gl.IgnoreCurrent())
}
`;
    const r = rewrite(src);
    expect(r.changes).toBe(1);
    expect(r.content).toContain('gl.VerifyTestMain(goleakrunWrapM(m, true), gl.IgnoreTopFunction("a.worker")');
    expect(r.content.split('\n')).toHaveLength(src.split('\n').length);
    expect(r.rules.map((x) => [x.kind, x.func, x.origin])).toEqual([
      ['top', 'a.worker', 'goleak'],
      ['any', 'a.poll', 'goleak'],
      ['created-by', 'a.start', 'goleak'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('says which options it cannot read', () => {
    const r = rewrite(
      'package a\n\nimport (\n\t"testing"\n\t"go.uber.org/goleak"\n)\n\nfunc TestMain(m *testing.M) {\n\tgoleak.VerifyTestMain(m, goleak.IgnoreTopFunction(name), opts...)\n}\n',
    );
    expect(r.content).toContain('goleak.VerifyTestMain(goleakrunWrapM(m, false),');
    expect(r.warnings).toEqual([
      'main_test.go:9: goleak.IgnoreTopFunction without a string literal is not read; list it in .goleak-run.yaml',
      'main_test.go:9: goleak options passed as a slice are not read; list them in .goleak-run.yaml',
    ]);
  });

  it('names m handed to other code, and calls into other packages after m.Run', () => {
    const r = rewrite(
      'package a\n\nimport (\n\t"testing"\n\t"example.com/x/exit"\n)\n\nfunc TestMain(m *testing.M) {\n\tcode := m.Run()\n\texit.Now(code)\n}\n\nfunc helper(m *testing.M) { run(m) }\n',
    );
    expect(r.changes).toBe(0);
    expect(r.marks).toBe(1);
    expect(r.handoffs).toEqual([
      'main_test.go:10: after m.Run() TestMain calls exit.Now, which may exit the process before the check',
      'main_test.go:13: m is passed to run, which may run the tests and exit where the check cannot follow',
    ]);
  });

  it('marks each m.Run as it starts, within its line, and names m stored or taken as a value', () => {
    const src =
      'package a\n\nimport "testing"\n\nvar saved *testing.M\n\nfunc TestMain(m *testing.M) {\n\tif m.Run() != 0 {\n\t\treturn\n\t}\n\tsaved = m\n\trun := m.Run\n\t_ = run\n}\n';
    const r = rewrite(src);
    expect(r.marks).toBe(1);
    expect(r.content).toContain('\tif goleakrunStarting(m).Run() != 0 {\n');
    expect(r.content.split('\n')).toHaveLength(src.split('\n').length);
    expect(r.handoffs).toEqual([
      'main_test.go:11: m is used where the check cannot follow it',
      'main_test.go:12: m is used where the check cannot follow it',
    ]);
  });

  it('marks no m.Run in a function that declares m again, and names it instead', () => {
    const src =
      'package a\n\nimport "testing"\n\nfunc TestMain(m *testing.M) {\n\tfor _, m := range mocks {\n\t\tm.Run()\n\t}\n\tm.Run()\n}\n\nfunc run(m *testing.M) int {\n\tf := func(m int) {}\n\t_ = f\n\treturn m.Run()\n}\n\nfunc keyed(m *testing.M) { _ = T{m: 1}; m.Run() }\n';
    const r = rewrite(src);
    expect(r.handoffs).toEqual([
      'main_test.go:6: m is declared again, so the check cannot tell where the tests start',
      'main_test.go:13: m is declared again, so the check cannot tell where the tests start',
    ]);
    // Only keyed's m.Run, whose `m:` is a composite literal key, is marked.
    expect(r.marks).toBe(1);
    expect(r.content).toContain('_ = T{m: 1}; goleakrunStarting(m).Run() }');
    expect(r.content).toContain('\t\tm.Run()\n\t}\n\tm.Run()\n');
  });

  it('leaves a file without testing alone', () => {
    expect(rewrite('package a\n\nfunc F() {}\n')).toMatchObject({ changes: 0, rules: [], handoffs: [] });
  });
});
