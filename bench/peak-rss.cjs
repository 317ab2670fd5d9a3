// Preloaded into a measured process (`node -r ./bench/peak-rss.cjs …`): at exit, writes its peak resident
// set size in bytes and the CPU time it used (user + system, all threads) in milliseconds to the file named
// by BENCH_RSS_FILE, as "rss cpu".
const fs = require('node:fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS * 1024} ${(u.userCPUTime + u.systemCPUTime) / 1000}`);
});
