// Preloaded into the goleak-run process by the benchmark (NODE_OPTIONS=--require): writes the
// process's peak resident set size, in KB, to $PEAK_RSS_FILE when it exits.
process.on('exit', () => {
  if (process.env.PEAK_RSS_FILE)
    require('node:fs').writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
