// Preloaded into a child process (node -r): prints its peak resident set size (all threads,
// workers included) as the last line on stderr, for tests that bound memory.
process.on('exit', () => {
  process.stderr.write(`peak-rss-bytes ${process.resourceUsage().maxRSS * 1024}\n`)
})
