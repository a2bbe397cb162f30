import { BUILT_IN_FRAMEWORKS, measureTableFromFramework, TABLES } from "../../src/core";
import { loadSampleBids, SAMPLE_BIDDERS } from "../../playground/sampleBids";
import { sampleAnswer, sampleBids, sampleMeasures } from "../../playground/sampleBidData";
import { validateWorkbook } from "../../src/excel/validate/validateWorkbook";
import { aPlanInput, anEvaluationWorkbook, tableCells } from "../excel/support";

type Framework = (typeof BUILT_IN_FRAMEWORKS)[number];

async function sampleEvaluation(framework: Framework) {
  const wb = await anEvaluationWorkbook(
    [],
    aPlanInput({ frameworkName: framework.name, measures: measureTableFromFramework(framework), criteria: framework.criteria, tenderId: `T-${framework.id}` }),
  );
  return wb;
}

const filled = (rows: Record<string, { value: unknown }>[], column: string) => rows.filter((r) => r[column]?.value !== "" && r[column]?.value !== null && r[column]?.value !== undefined);

describe.each(BUILT_IN_FRAMEWORKS.map((f) => [f.id, f] as const))("sample bids on the %s framework", (_id, framework) => {
  it("gives every bidder an answer to every criterion, lists them on SV Scores, and plants a unit mistake only where measures are priced", async () => {
    const { fake, run } = await sampleEvaluation(framework);
    const loaded = await loadSampleBids(run);

    const answers = filled(tableCells(fake, TABLES.answers, ["Bidder", "Criterion", "Answer"]), "Answer");
    expect(answers).toHaveLength(SAMPLE_BIDDERS.length * framework.criteria.length);
    const scores = filled(tableCells(fake, TABLES.scores, ["Bidder"]), "Bidder").map((r) => r.Bidder?.value);
    expect(scores).toEqual([...SAMPLE_BIDDERS]);

    const { result } = await validateWorkbook(run);
    const errors = result.findings.filter((f) => f.severity === "error").map((f) => f.code);
    const priced = measureTableFromFramework(framework).some((m) => m.proxy !== null && m.type !== "Record");
    expect(errors).toEqual(priced ? ["SV108"] : []);
    expect(loaded.mistake !== undefined).toBe(priced);
  }, 30_000);

  it("loads again without doubling anyone's rows", async () => {
    const { fake, run } = await sampleEvaluation(framework);
    const first = await loadSampleBids(run);
    await loadSampleBids(run);
    expect(filled(tableCells(fake, TABLES.commitments, ["Bidder"]), "Bidder")).toHaveLength(first.rows);
    expect(filled(tableCells(fake, TABLES.answers, ["Answer"]), "Answer")).toHaveLength(first.answers);
  }, 30_000);
});

describe("the sample bids' content", () => {
  const essex = BUILT_IN_FRAMEWORKS.find((f) => f.id === "essex") as Framework;

  it("commits to a spread of units, never to two measures that count the same thing", () => {
    const picked = sampleMeasures(measureTableFromFramework(essex));
    expect(new Set(picked.map((m) => m.unit)).size).toBe(picked.length);
    for (const m of picked) expect(picked.filter((p) => m.excludes.includes(p.ref))).toEqual([]);
  });

  it("differs between bidders on every measure, so the bids are not tied", () => {
    const { forms } = sampleBids({ tenderId: "T", measures: measureTableFromFramework(essex), criteria: [] });
    const byRef = (i: number) => forms.map((f) => f.commitments[i]?.quantity);
    for (let i = 0; i < (forms[0]?.commitments.length ?? 0); i++) expect(new Set(byRef(i)).size).toBe(SAMPLE_BIDDERS.length);
  });

  it("makes the planted mistake a unit bidders confuse with the measure's, and names the fix", () => {
    const { mistake, forms } = sampleBids({ tenderId: "T", measures: measureTableFromFramework(essex), criteria: [] });
    expect(mistake).toEqual({ bidder: "Birch Homes", ref: "ECC1", written: "people", expected: "FTE" });
    expect(forms.find((f) => f.bidder === "Birch Homes")?.commitments.find((c) => c.ref === "ECC1")?.unit).toBe("people");
  });

  it("writes answers at three standards: only Acme's gives dates and figures", () => {
    const question = "How will you create jobs for local people through this contract?";
    expect(sampleAnswer("Acme Care Ltd", question)).toMatch(/\d{4}/);
    expect(sampleAnswer("Birch Homes", question)).not.toMatch(/\b20\d\d\b/);
    expect(sampleAnswer("Cura Partnership", question)).not.toMatch(/\d/);
  });
});
