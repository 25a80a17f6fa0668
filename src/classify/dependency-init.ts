// Goroutines a dependency's init started (glog's flush daemon, opencensus's view worker): alive
// for the whole process by design, started before any test ran, and not the user's to fix. The
// check in the binary and the classifier both drop them; this module holds the rule for both,
// as src/rule-kinds.ts does for the ignore rules.
import type { CreatedBy } from '../model.js';
import { isInitFunc, splitFuncName } from './func-name.js';

/**
 * True when an init function (or a closure in one) of a package outside `modulePath` started the
 * goroutine on goroutine 1, where package initialisation runs: a closure an init defined that
 * runs later, on a test's goroutine, is not excused.
 */
export function isDependencyInit(
  createdBy: Pick<CreatedBy, 'func' | 'goroutine'> | undefined,
  modulePath: string,
): boolean {
  if (modulePath === '' || createdBy?.goroutine !== 1 || !isInitFunc(createdBy.func)) return false;
  const { pkg } = splitFuncName(createdBy.func);
  return !(pkg === modulePath || pkg.startsWith(`${modulePath}/`) || pkg === 'main' || pkg === 'main_test');
}

/**
 * The same test in Go, rendered into scan.go.tmpl ({{DEPENDENCY_INIT}}) beside the module path
 * (goleakrunModulePath); `creator` is the N of `created by F in goroutine N`. The name after the
 * package is `init`, `init.N`, then optionally a closure: `.funcN` and `.N`s, as isInitFunc reads it.
 */
export const DEPENDENCY_INIT_GO = `func goleakrunDependencyInit(createdBy, creator string) bool {
	if goleakrunModulePath == "" || createdBy == "" || creator != "1" {
		return false
	}
	slash := goleakrunstrings.LastIndex(createdBy, "/")
	dot := goleakrunstrings.Index(createdBy[slash+1:], ".")
	if dot < 0 {
		return false
	}
	pkg, name := createdBy[:slash+1+dot], createdBy[slash+2+dot:]
	inModule := pkg == goleakrunModulePath || goleakrunstrings.HasPrefix(pkg, goleakrunModulePath+"/")
	if inModule || pkg == "main" || pkg == "main_test" {
		return false
	}
	parts := goleakrunstrings.Split(name, ".")
	if parts[0] != "init" {
		return false
	}
	i := 1
	if i < len(parts) && goleakrunDigits(parts[i]) {
		i++
	}
	if i < len(parts) && goleakrunstrings.HasPrefix(parts[i], "func") && goleakrunDigits(parts[i][4:]) {
		for i++; i < len(parts) && goleakrunDigits(parts[i]); i++ {
		}
	}
	return i == len(parts)
}

func goleakrunDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}`;
