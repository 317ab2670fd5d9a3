// Preloaded into a measured process (`node -r ./bench/peak-rss.cjs …`): at exit, appends its peak
// resident set size in bytes to the file named by BENCH_RSS_FILE.
const fs = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
