/** Runs a CLI action: shows coded errors as Vietnamese messages and exits non-zero, no stack. */
import { AppError } from "../core/model/problem.js";
import { fsErrorMessage } from "./fs-error.js";

/** Exit codes: 1 data problems found, 2 the command could not run. */
export const EXIT = { problems: 1, failure: 2 } as const;

/** Wraps an async action for commander. */
export function runCommand<A extends unknown[]>(
  action: (...args: A) => Promise<number | undefined | void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await action(...args);
      process.exitCode = code ?? 0;
    } catch (e) {
      if (e instanceof AppError) {
        process.stderr.write(`Lỗi: ${e.message}\n`);
      } else if (fsErrorMessage(e)) {
        process.stderr.write(`Lỗi: ${fsErrorMessage(e)}\n`);
        if (process.env.TONG_HOP_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
      } else {
        process.stderr.write(
          `Lỗi không mong muốn: ${(e as Error)?.message ?? String(e)}\nHãy gửi thông báo này cho người hỗ trợ kỹ thuật.\n`,
        );
        if (process.env.TONG_HOP_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
      }
      process.exitCode = EXIT.failure;
    }
  };
}

/** `F` when it has no key `Opts` lacks; otherwise a type that names the extra key in tsc's error. */
type OnlyKnown<F, Opts> = F & Record<Exclude<keyof F, keyof Opts>, never>;

/**
 * Calls a command's work with commander's parsed options. tsc fails when a flag has no field in
 * the work's options (a misspelt option) or a required field has no required flag.
 */
export function withFlags<Opts, F extends Opts, R>(work: (o: Opts) => R, flags: OnlyKnown<F, Opts>): R {
  return work(flags);
}
