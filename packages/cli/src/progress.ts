import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';

/**
 * cli-progress is loaded only when a bar is drawn: loading it costs ≈ 25 ms, a tenth of a one-file `pesan lint`,
 * which never needs it (this module is part of every CLI start).
 */
function loadCliProgress(): typeof cliProgressModule {
  return createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
}

interface Progress {
  update: (p: { file: string; bytesDone: number; bytesTotal: number; events: number }) => void;
  stop: () => void;
}

/** A progress bar (bytes and events) on a terminal; nothing when stderr is not a TTY (CI logs, pipes). */
export function startProgress(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const cliProgress = loadCliProgress();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'ingest [{bar}] {percentage}% | {done}/{totalMb} MB | {events} events | {file}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: ({ file, bytesDone, bytesTotal, events }) => {
      const payload = { done: (bytesDone / 1e6).toFixed(1), totalMb: (bytesTotal / 1e6).toFixed(1), events: events.toLocaleString('en-US'), file };
      if (!started) {
        bar.start(Math.max(bytesTotal, 1), bytesDone, payload);
        started = true;
      } else bar.update(Math.min(bytesDone, bytesTotal), payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
