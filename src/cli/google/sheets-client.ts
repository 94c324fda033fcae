/** The two Sheets API v4 calls the CLI makes: sheet titles, then all needed values at once. */
import type { GoogleCredentials } from "./credentials.js";
import type { GoogleEndpoints } from "./endpoints.js";
import { loadGoogle } from "./load-google.js";
import { DEFAULT_RETRY, sendWithRetry, type RetryOptions } from "./retry.js";
import type { GridRange } from "./values-to-grid.js";

/** One tab of a spreadsheet. */
export interface SheetInfo {
  sheetId: number;
  title: string;
  /** "GRID" for cells; chart sheets ("OBJECT") have no values. */
  sheetType: string;
  merges: GridRange[];
}

/** What `spreadsheets.get` tells: the title and the tabs, no cell data. */
export interface SpreadsheetInfo {
  title: string;
  sheets: SheetInfo[];
}

/** One returned range. */
export interface ValueRange {
  range?: string | null;
  values?: unknown[][] | null;
}

/** Reads spreadsheets with one set of credentials. */
export interface SheetsReader {
  info(spreadsheetId: string): Promise<SpreadsheetInfo>;
  /** Values of every range in ONE request, in the order asked. */
  values(spreadsheetId: string, ranges: readonly string[]): Promise<ValueRange[]>;
}

/** Partial response: titles, ids, types and merges only, never cell data. */
export const INFO_FIELDS = "properties.title,sheets(properties(sheetId,title,sheetType),merges)";

/** A reader over googleapis' Sheets v4 client, with retries and Vietnamese errors. */
export async function createSheetsReader(
  creds: GoogleCredentials,
  endpoints: GoogleEndpoints,
  retry: RetryOptions = DEFAULT_RETRY,
): Promise<SheetsReader> {
  const { sheets } = await loadGoogle();
  const api = sheets({ version: "v4", auth: creds.client, rootUrl: endpoints.sheetsRootUrl });
  // gaxios would otherwise retry 429s itself, out of our sight, and with no message at the end.
  const opts = { retry: false } as const;
  return {
    async info(spreadsheetId) {
      const res = await sendWithRetry(
        () => api.spreadsheets.get({ spreadsheetId, fields: INFO_FIELDS, includeGridData: false }, opts),
        { spreadsheetId, identity: creds.identity },
        retry,
      );
      return {
        title: res.data.properties?.title ?? spreadsheetId,
        sheets: (res.data.sheets ?? []).map((s) => ({
          sheetId: s.properties?.sheetId ?? 0,
          title: s.properties?.title ?? "",
          sheetType: s.properties?.sheetType ?? "GRID",
          merges: s.merges ?? [],
        })),
      };
    },
    async values(spreadsheetId, ranges) {
      if (!ranges.length) return [];
      const res = await sendWithRetry(
        () =>
          api.spreadsheets.values.batchGet(
            {
              spreadsheetId,
              ranges: [...ranges],
              majorDimension: "ROWS",
              valueRenderOption: "UNFORMATTED_VALUE",
              dateTimeRenderOption: "SERIAL_NUMBER",
            },
            opts,
          ),
        { spreadsheetId, identity: creds.identity },
        retry,
      );
      return res.data.valueRanges ?? [];
    },
  };
}
