// Preloaded (`node --import`) into the `pesan` process by the reliability tests: writes the process's peak resident
// memory (KB, worker threads included) to PESAN_TEST_MAXRSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.PESAN_TEST_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
