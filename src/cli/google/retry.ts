/** Asks again, waiting longer each time, when Google says "too many requests" or fails on its side. */
import { AppError } from "../../core/model/problem.js";
import { describeFailure, failureToAppError, isRetryable, keyFailure, type FailureContext } from "./errors.js";

/** How often and how patiently to retry. */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  tries: number;
  /** Wait before the second attempt; doubled for each next one. */
  baseMs: number;
  /** Longest single wait (a Retry-After header is honoured up to this). */
  maxMs: number;
}

/** 5 attempts waiting about 1, 2, 4 and 8 seconds: Sheets read quotas are per minute. */
export const DEFAULT_RETRY: RetryOptions = { tries: 5, baseMs: 1000, maxMs: 30_000 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `send` until it succeeds, a failure is not worth retrying, or `tries` run out;
 * then throws the Vietnamese AppError for the last failure. Errors that are not HTTP or
 * network failures (bugs, a broken key) pass through unchanged.
 */
export async function sendWithRetry<T>(
  send: () => Promise<T>,
  ctx: Omit<FailureContext, "attempts">,
  o: RetryOptions = DEFAULT_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      if (e instanceof AppError) throw e;
      const f = describeFailure(e);
      if (!f) throw keyFailure(e, ctx.identity) ?? e;
      if (!isRetryable(f) || attempt >= o.tries) throw failureToAppError(f, { ...ctx, attempts: attempt });
      // Jitter spreads the retries of several offices compiling at the same minute.
      const backoff = o.baseMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.25);
      await sleep(Math.min(o.maxMs, f.retryAfter !== undefined ? Math.max(f.retryAfter * 1000, backoff) : backoff));
    }
  }
}
