/** The test shelf: real plans with truth files written by reading them, scored as a new user would meet them. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importPlan, type ImportPlanResult } from "../src/core/import-plan/import-plan.js";
import { readPlanText } from "../src/cli/plan-input/read-plan-file.js";
import { scorePlan, scoreTable, type PlanScore, type PlanTruth } from "./support/plan-score.js";

const DIR = "test/fixtures/import-plan/plans";
const truths = readdirSync(DIR).filter((f) => f.endsWith(".truth.json"));

interface Case {
  plan: string;
  file: string;
  format: string;
  truth: PlanTruth;
}

/** Every file of a plan (its text copy, and the .docx or .pdf a real program wrote of it). */
const cases: Case[] = truths.flatMap((t) => {
  const stem = t.replace(/\.truth\.json$/, "");
  const truth = JSON.parse(readFileSync(`${DIR}/${t}`, "utf8")) as PlanTruth;
  return readdirSync(DIR)
    .filter((f) => f.startsWith(`${stem}.`) && /\.(txt|docx|pdf)$/.test(f))
    .map((f) => ({ plan: stem, file: `${DIR}/${f}`, format: f.split(".").pop()!, truth }));
});

const results: { plan: string; format: string; score: PlanScore; r: ImportPlanResult }[] = [];

describe("importPlan on the test shelf", () => {
  it("has every plan of the shelf", () => expect(truths.length).toBeGreaterThanOrEqual(3));

  for (const c of cases) {
    describe(`${c.plan} (.${c.format})`, () => {
      it("reads the file and scores it", async () => {
        const r = importPlan(await readPlanText(c.file), { defaultYear: 2025 });
        const score = scorePlan(r, c.truth);
        results.push({ plan: c.plan, format: c.format, score, r });
        if (score.misses.length || score.invented.length || !score.metadataRight)
          console.log(
            c.plan,
            c.format,
            JSON.stringify({ misses: score.misses, invented: score.invented, meta: score.metadataWrong }, null, 1),
          );
      });
    });
  }

  it("prints the score table", () => {
    console.log(scoreTable(results));
    expect(results.length).toBe(cases.length);
  });
});
