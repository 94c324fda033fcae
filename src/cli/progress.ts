/** A terminal progress bar for many sources; silent when output is not a terminal. */
import cliProgress from "cli-progress";

/** Returns a progress callback and a stop function. */
export function progressBar(
  total: number,
  enabled: boolean,
): { tick: (done: number, total: number, name: string) => void; stop: () => void } {
  if (!enabled || total < 2 || !process.stderr.isTTY) return { tick: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: "Đang đọc {bar} {value}/{total} tệp | {name}",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { name: "" });
  return { tick: (done, _t, name) => bar.update(done, { name: name.slice(0, 40) }), stop: () => bar.stop() };
}
