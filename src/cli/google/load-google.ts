/** Loads the Sheets v4 client and Google auth on demand: offline commands never pay for them. */

/** The googleapis Sheets entry point (`sheets`, `auth` with GoogleAuth, OAuth2, JWT). */
export type GoogleModule = typeof import("googleapis/build/src/apis/sheets/index.js");

let cached: Promise<GoogleModule> | undefined;

/**
 * The Sheets module of googleapis. The package's main entry loads every Google API
 * (about half a second at each start); this entry exports the same `sheets()` factory
 * and `auth` object as `google.sheets` and `google.auth`, and loads only Sheets.
 */
export function loadGoogle(): Promise<GoogleModule> {
  // A CommonJS module: Node's loader also gives its exports by name, the CLI bundle only as `default`.
  return (cached ??= import("googleapis/build/src/apis/sheets/index.js").then(
    (m) => ((m as { default?: GoogleModule }).default ?? m) as GoogleModule,
  ));
}
