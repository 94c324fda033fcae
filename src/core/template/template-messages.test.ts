import { z } from "zod";
import { describe, expect, it } from "vitest";
import { miniInput } from "../../../test/fixtures/mini-template.js";
import { AppError } from "../model/problem.js";
import "../model/template-schema.js";
import type { TemplateInput } from "../model/template-schema.js";
import { parseTemplate } from "./template.js";
import { issueToVietnamese } from "./template-messages.js";

/** Words of zod's English messages ("Invalid input: expected string, received number", "Too small"…). */
const ENGLISH_ZOD =
  /\b(invalid|expected|received|too (small|big)|unrecognized|required|must|input|int|number|string)\b/i;

/** The refusal lines of a template broken by `mutate`. */
function refusal(mutate: (t: Record<string, unknown> & TemplateInput) => void): string[] {
  const t = structuredClone(miniInput) as Record<string, unknown> & TemplateInput;
  mutate(t);
  try {
    parseTemplate(t);
  } catch (e) {
    if (e instanceof AppError) return e.details;
    throw e;
  }
  throw new Error("the template was accepted");
}

describe("issueToVietnamese", () => {
  it.each([
    ["a fractional year", (t: TemplateInput) => ((t.periods![0] as { year?: number }).year = 2023.5)],
    ["a fractional reminder day", (t: TemplateInput) => (t.reminderDays = [1.5])],
    ["text for the plan", (t: Record<string, unknown>) => (t.plan = "x")],
    ["an object for the units", (t: Record<string, unknown>) => (t.units = {})],
    ["a number for a type", (t: TemplateInput) => ((t.indicators![0] as Record<string, unknown>).type = 5)],
    ["a key with capitals", (t: TemplateInput) => ((t.indicators![0] as Record<string, unknown>).key = "Tin Bai")],
    ["a missing title", (t: TemplateInput) => delete (t.plan as Partial<TemplateInput["plan"]>).title],
  ] as const)("words %s with no English zod text", (_what, mutate) => {
    const lines = refusal(mutate as (t: Record<string, unknown> & TemplateInput) => void);
    expect(lines.length).toBeGreaterThan(0);
    // Quoted text is the template's own values ("integer", "number"…), not zod's wording.
    for (const line of lines) expect(line.replace(/"[^"]*"/g, '""')).not.toMatch(ENGLISH_ZOD);
  });
  it("shows zod's own message in Vietnamese for an issue it has no wording for", () => {
    const r = z.number().multipleOf(5).safeParse(7);
    expect(r.success).toBe(false);
    const line = issueToVietnamese(r.error!.issues[0]);
    expect(line).toMatch(/^\(gốc\): giá trị không hợp lệ \(.+\)\. Hãy sửa lại\.$/);
    expect(line).not.toMatch(ENGLISH_ZOD);
  });
});
