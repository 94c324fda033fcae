/** Where `tong-hop login` keeps its token, readable by the user only. */
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/** What `tong-hop login` stores: google-auth-library's "authorized_user" JSON plus the account. */
export interface StoredLogin {
  type: "authorized_user";
  client_id: string;
  client_secret: string;
  refresh_token: string;
  /** The Google account that logged in, for messages ("share the sheet with …"). */
  account?: string;
}

/** The user's config folder: XDG_CONFIG_HOME, %APPDATA% on Windows, else ~/.config. */
export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, "tong-hop");
  if (process.platform === "win32" && env.APPDATA) return join(env.APPDATA, "tong-hop");
  return join(env.HOME || homedir(), ".config", "tong-hop");
}

/** Path of the stored login token. */
export function tokenPath(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), "token.json");
}

/** The stored login, or null when there is none (or it is not ours). */
export async function readStoredLogin(env: NodeJS.ProcessEnv): Promise<StoredLogin | null> {
  let text: string;
  try {
    text = await readFile(tokenPath(env), "utf8");
  } catch {
    return null;
  }
  try {
    const j = JSON.parse(text) as StoredLogin;
    return j.type === "authorized_user" && j.refresh_token ? j : null;
  } catch {
    return null;
  }
}

/** Writes the login with mode 0600 (folder 0700): a refresh token is as good as a password. */
export async function writeStoredLogin(env: NodeJS.ProcessEnv, login: StoredLogin): Promise<string> {
  const file = tokenPath(env);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(login, null, 2), { mode: 0o600 });
  // `mode` only applies when the file is created; an older token file may be wider.
  await chmod(file, 0o600);
  return file;
}

/** Deletes the stored login; true when there was one. */
export async function removeStoredLogin(env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    await rm(tokenPath(env));
    return true;
  } catch {
    return false;
  }
}
