// The tests a package's run reported, as attribution needs them: which names ran, and which
// base names Go had to suffix (`x#01`) because a loop or a second t.Run call reused them.

/** Answers whether a full test name ran and names exactly one test. */
export interface RanTests {
  /** True when `name` ran and no other test got the same name with a `#NN` suffix. */
  unique(name: string): boolean;
}

/** Builds the lookup from the full names of the `go test -json` stream (`TestX`, `TestX/a/b`). */
export function ranTests(names: Iterable<string>): RanTests {
  const ran = new Set(names);
  const suffixed = new Set<string>();
  for (const name of ran) {
    const parts = name.split('/');
    parts.forEach((part, i) => {
      // Go names the first use `x` (`#00` when empty) and later ones `x#01`, `x#02`, …
      const m = /^(.*)#(\d+)$/.exec(part);
      if (m && Number(m[2]) > 0) suffixed.add([...parts.slice(0, i), m[1]].join('/'));
    });
  }
  // An empty t.Run name becomes `#00`, so its base is the empty name under the parent.
  const base = (name: string): string => name.replace(/(^|\/)#00$/, '$1');
  return { unique: (name) => ran.has(name) && !suffixed.has(base(name)) };
}
