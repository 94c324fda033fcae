/** Where the Google services live; overridable so tests (and proxies) can point elsewhere. */
import type { Auth } from "googleapis";

/** The Google endpoints this CLI talks to. */
export interface GoogleEndpoints {
  /** Root of the Sheets API, ending in "/". */
  sheetsRootUrl: string;
  /** OAuth 2.0 token endpoint (service-account assertions, login codes, refresh tokens). */
  tokenUrl: string;
  /** OAuth 2.0 consent page opened by `tong-hop login`. */
  authUrl: string;
}

/** Google's own addresses. */
export const GOOGLE_ENDPOINTS: GoogleEndpoints = {
  sheetsRootUrl: "https://sheets.googleapis.com/",
  tokenUrl: "https://oauth2.googleapis.com/token",
  authUrl: "https://accounts.google.com/o/oauth2/v2/auth",
};

/**
 * The endpoints to use: `override` first, then TONG_HOP_SHEETS_ROOT_URL,
 * TONG_HOP_GOOGLE_TOKEN_URL and TONG_HOP_GOOGLE_AUTH_URL, then Google's.
 */
export function resolveEndpoints(env: NodeJS.ProcessEnv, override: Partial<GoogleEndpoints> = {}): GoogleEndpoints {
  const root = override.sheetsRootUrl ?? env.TONG_HOP_SHEETS_ROOT_URL ?? GOOGLE_ENDPOINTS.sheetsRootUrl;
  return {
    sheetsRootUrl: root.endsWith("/") ? root : `${root}/`,
    tokenUrl: override.tokenUrl ?? env.TONG_HOP_GOOGLE_TOKEN_URL ?? GOOGLE_ENDPOINTS.tokenUrl,
    authUrl: override.authUrl ?? env.TONG_HOP_GOOGLE_AUTH_URL ?? GOOGLE_ENDPOINTS.authUrl,
  };
}

/**
 * Sends `client`'s token requests to `endpoints.tokenUrl`. google-auth-library's
 * service-account flow (gtoken) has Google's token address built in, so the only way to
 * move it is to rewrite the request on its way out; every other request is left alone.
 */
export function redirectTokenRequests(client: Auth.AuthClient, endpoints: GoogleEndpoints): void {
  if (endpoints.tokenUrl === GOOGLE_ENDPOINTS.tokenUrl) return;
  client.transporter.interceptors.request.add({
    resolved: async (config) => {
      if (String(config.url) === GOOGLE_ENDPOINTS.tokenUrl) config.url = new URL(endpoints.tokenUrl);
      return config;
    },
  });
}
