/** Injected first into the Apps Script bundle: installs the shims before anything else runs. */
import { installShims } from "./shims.js";

installShims(globalThis as unknown as Parameters<typeof installShims>[0]);
