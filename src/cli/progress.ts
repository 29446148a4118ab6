/**
 * Progress of long work (an import, a re-tagging): a bar on a terminal, a line every few seconds otherwise.
 */
import cliProgress from "cli-progress";

/** Reports progress; `stop` clears the bar. */
export interface Progress {
  update(done: number, total: number | null): void;
  stop(): void;
}

/** A progress reporter writing to stderr; `unit` names what is counted. */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr, unit = "documents"): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted}`, stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total ?? done, 0);
          started = true;
        }
        if (total !== null) bar.setTotal(total);
        else bar.setTotal(Math.max(done, 1));
        bar.update(done);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 5000) return;
      last = now;
      stream.write(`${label} : ${done}${total !== null ? `/${total}` : ""} ${unit}\n`);
    },
    stop() {},
  };
}

/** Progress of work in named phases (analyse, marquage, indexation): one bar per phase, in turn. */
export function createPhaseProgress(
  stream: NodeJS.WriteStream = process.stderr,
  unit = "dossiers",
): { update(phase: string, done: number, total: number): void; stop(): void } {
  let current: { phase: string; progress: Progress } | null = null;
  return {
    update(phase, done, total) {
      if (current?.phase !== phase) {
        current?.progress.stop();
        current = { phase, progress: createProgress(phase, stream, unit) };
      }
      current.progress.update(done, total);
    },
    stop() {
      current?.progress.stop();
      current = null;
    },
  };
}
