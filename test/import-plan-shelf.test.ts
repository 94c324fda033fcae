/** The test shelf: real plans with truth files written by reading them, scored as a new user would meet them. */
import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { importPlan, type ImportPlanResult } from "../src/core/import-plan/import-plan.js";
import { readPlanText } from "../src/cli/plan-input/read-plan-file.js";
import { scorePlan, scoreTable, type PlanScore, type PlanTruth } from "./support/plan-score.js";

const DIR = "test/fixtures/import-plan/plans";
const truths = readdirSync(DIR).filter((f) => f.endsWith(".truth.json"));

/**
 * Plans the importer does not yet read to the target, and why. Their score is still printed and
 * their metadata still checked; the tests they fall short of are listed as to-do, not silently dropped.
 */
const KNOWN_SHORTFALL: Record<string, { tasks?: string; invented?: string }> = {};

interface Case {
  plan: string;
  file: string;
  format: string;
  truth: PlanTruth;
}

/** Every file of a plan: its text copy, and the .docx or .pdf a real program wrote of it. */
const cases: Case[] = truths.flatMap((t) => {
  const stem = t.replace(/\.truth\.json$/, "");
  const truth = JSON.parse(readFileSync(`${DIR}/${t}`, "utf8")) as PlanTruth;
  return readdirSync(DIR)
    .filter((f) => f.startsWith(`${stem}.`) && /\.(txt|docx|pdf)$/.test(f))
    .map((f) => ({ plan: stem, file: `${DIR}/${f}`, format: f.split(".").pop()!, truth }));
});

const table: { plan: string; format: string; score: PlanScore }[] = [];

describe("importPlan on the test shelf", () => {
  it("has every plan of the shelf, each in at least one file", () => {
    expect(truths.length).toBeGreaterThanOrEqual(3);
    for (const t of truths) expect(cases.some((c) => `${c.plan}.truth.json` === t)).toBe(true);
  });

  for (const c of cases) {
    describe(`${c.plan} (.${c.format})`, () => {
      let r: ImportPlanResult;
      let s: PlanScore;
      beforeAll(async () => {
        r = importPlan(await readPlanText(c.file), { defaultYear: 2025 });
        s = scorePlan(r, c.truth);
        table.push({ plan: c.plan, format: c.format, score: s });
      });

      it("reads the issuer (parent above issuing body), the number and the signer", () => {
        expect(s.metadataWrong).toEqual([]);
        if (c.truth.signer.name) expect(r.template.plan.signer.name).toBe(c.truth.signer.name);
      });

      const shortfall = KNOWN_SHORTFALL[c.plan] ?? {};
      if (shortfall.tasks) it.todo(`finds ≥ 90 % of the tasks with owner and timeframe right (${shortfall.tasks})`);
      else
        it("finds ≥ 90 % of the tasks with the right owner and timeframe", () => {
          expect(s.allRight / s.tasks, JSON.stringify(s.misses, null, 1)).toBeGreaterThanOrEqual(0.9);
        });

      if (shortfall.invented) it.todo(`invents no task (${shortfall.invented})`);
      else
        it("invents no task the plan does not have", () => {
          expect(s.invented).toEqual([]);
        });

      it("lists every task it got wrong in the review, with its line", () => {
        for (const m of s.misses.filter((x) => x.code)) {
          const flagged = r.review.find((i) => i.kind === "needs-review" && i.code === m.code && i.line);
          expect(flagged, `${m.number}: ${m.why}`).toBeDefined();
        }
      });
    });
  }

  it("prints the score table", () => {
    console.log(scoreTable(table));
    expect(table).toHaveLength(cases.length);
  });
});
