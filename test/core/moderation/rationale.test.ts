import fc from "fast-check";
import { checkRationale, COPY_SIMILARITY, MIN_RATIONALE_WORDS, textSimilarity, normaliseRationale, type RationaleContext } from "../../../src/core";

const GOOD =
  "The answer names three local training partners and commits to quarterly KPI reports; delivery is credible but no baseline is given, so it meets the criterion without exceeding it.";
const context: RationaleContext = {
  bidder: "Acme Ltd",
  criterion: "SV1",
  criterionText: "How will you deliver local training and how will delivery be measured?",
  bidders: ["Acme Ltd", "Birch Homes", "Cura Ltd"],
};
const codes = (text: unknown, ctx: RationaleContext = context) => checkRationale(text, ctx).map((i) => i.code);

describe("checking a moderation rationale", () => {
  it("accepts a rationale that explains the mark against the criterion", () => {
    expect(checkRationale(GOOD, context)).toEqual([]);
  });

  it.each(["", "   ", null, undefined, 42 as unknown as string])("refuses an empty rationale (%p)", (text) => {
    const issues = checkRationale(text, context);
    // A number cell is text-less: "42" is one word, which is too short rather than empty.
    expect(issues[0]?.code).toMatch(/empty|too-short/);
    expect(issues[0]?.severity).toBe("error");
  });

  it.each(["Agreed", "agreed.", "As discussed", "See notes", "n/a", "N/A", "-", "TBC", "See above", "as discussed at panel"])("refuses the placeholder %p and says what to write", (text) => {
    const [issue] = checkRationale(text, context);
    expect(issue?.code).toBe(text === "-" ? "empty" : "placeholder");
    expect(issue?.message).toMatch(/Lancashire Care|explain the mark/);
  });

  it(`refuses a rationale under ${MIN_RATIONALE_WORDS} words and states the rule`, () => {
    const [issue] = checkRationale("Good local training plan.", context);
    expect(issue?.code).toBe("too-short");
    expect(issue?.message).toContain(`at least ${MIN_RATIONALE_WORDS}`);
    expect(codes("Good local training plan with named partners and KPIs.")).toEqual([]);
  });

  it.each([
    "Better than bidder B because the training plan names three partners and reports quarterly.",
    "The plan is weaker than the other bids: fewer partners and no quarterly reporting of training.",
    "Compared with the other bidders the training offer is thin and the measures are unclear.",
    "Stronger than Birch Homes on training, with named partners and quarterly reports to the council.",
    "A sound training plan with named partners, but Cura Ltd offered more apprenticeship weeks overall.",
    "The best of the bids received: named partners, quarterly KPIs and a clear baseline for training.",
  ])("refuses a rationale that compares bids: %p", (text) => {
    const issue = checkRationale(text, context).find((i) => i.code === "compares-bids");
    expect(issue?.severity).toBe("error");
    expect(issue?.message).toMatch(/against the criterion/);
  });

  it("does not mistake comparisons with the criterion or the baseline for comparing bids", () => {
    for (const text of [
      "More than 20 apprenticeship weeks are committed, with named partners and quarterly KPI reporting of training.",
      "Compared with the baseline the training hours double, with named partners and quarterly reports.",
      "The answer is better than the criterion requires: named partners, quarterly KPIs and a clear baseline.",
      "Acme Ltd names three partners for training and reports quarterly; no baseline, so a 3.",
    ]) {
      expect(codes(text)).not.toContain("compares-bids");
    }
  });

  it("refuses a rationale copied from another bidder's item, even with the name swapped", () => {
    const others = [{ bidder: "Birch Homes", criterion: "SV1", rationale: GOOD.replace("The answer", "Birch Homes' answer") }];
    const issue = checkRationale(GOOD.replace("The answer", "Acme Ltd's answer"), { ...context, others }).find((i) => i.code === "copied");
    expect(issue?.message).toContain("Birch Homes on SV1");
  });

  it("refuses a rationale copied from another criterion of the same bidder, ignoring case and punctuation", () => {
    const others = [{ bidder: "acme ltd", criterion: "SV2", rationale: GOOD.toUpperCase().replace(/[,;]/g, " ") }];
    expect(codes(GOOD, { ...context, others })).toContain("copied");
  });

  it("does not compare an item with its own earlier rationale, nor with a genuinely different one", () => {
    const others = [
      { bidder: "Acme Ltd", criterion: "sv1", rationale: GOOD },
      { bidder: "Birch Homes", criterion: "SV1", rationale: "Birch sets out a volunteering programme with two schools but gives no way to measure the hours delivered." },
    ];
    expect(codes(GOOD, { ...context, others })).toEqual([]);
  });

  it("only warns, never refuses, when the rationale shares no words with the question or answer", () => {
    const issues = checkRationale("Credible, specific, resourced and time-bound commitments throughout; one gap noted in monitoring arrangements.", context);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([["no-reference", "warning"]]);
  });

  it("measures similarity with the Dice coefficient over character trigrams", () => {
    expect(textSimilarity("abc def", "abc def")).toBe(1);
    expect(textSimilarity(normaliseRationale(GOOD), normaliseRationale(GOOD.replace("three", "four")))).toBeGreaterThanOrEqual(COPY_SIMILARITY);
    expect(textSimilarity("named partners and quarterly reports", "no way to measure volunteering hours")).toBeLessThan(0.5);
  });

  describe("a bidder whose name is also an ordinary word", () => {
    const care: RationaleContext = { ...context, bidders: ["Acme Ltd", "Care", "Birch Homes"] };
    const CARE_WORD =
      "Personal care plans are reviewed monthly with each resident and the answer names the local college that trains the carers, which meets the criterion.";

    it("does not refuse a rationale that uses the word in its ordinary sense, and says why it mentions it", () => {
      const issues = checkRationale(CARE_WORD, care);
      expect(issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(issues.find((i) => i.code === "names-bidder")).toMatchObject({ severity: "warning", message: expect.stringContaining("“Care”") });
    });

    it("does not refuse the word at the start of a sentence either", () => {
      const text = "Care is taken to recruit locally: the answer names the college partner and gives quarterly targets for the criterion.";
      expect(checkRationale(text, care).filter((i) => i.severity === "error")).toEqual([]);
    });

    it("refuses the name written as the bid's name mid-sentence, and a name of two words however written", () => {
      expect(codes("The plan names three partners, which is more concrete than Care offered on this criterion overall.", care)).toContain("compares-bids");
      expect(codes("The plan names three partners and sets out quarterly targets, as birch homes also did for the criterion.", care)).toContain("compares-bids");
    });

    it("reads “the bidder a clear route” as prose, but “Bidder B” as a label for another bid", () => {
      const prose = "The plan gives the bidder a clear route to recruit local apprentices and report them quarterly against the criterion.";
      expect(codes(prose)).not.toContain("compares-bids");
      expect(codes("The plan names three local partners and reports quarterly, which Bidder B did not do on this criterion.")).toContain("compares-bids");
    });
  });

  it("never throws, whatever the text and context hold", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.anything()),
        fc.string(),
        fc.array(fc.string(), { maxLength: 4 }),
        fc.array(fc.record({ bidder: fc.string(), criterion: fc.string(), rationale: fc.string({ unit: "binary" }) }), { maxLength: 4 }),
        (text, bidder, bidders, others) => {
          const issues = checkRationale(text, { bidder, criterion: "SV1", bidders, others, criterionText: bidder, answer: (typeof text === "string" ? text : "").slice(0, 50) });
          for (const i of issues) expect(i.message.length).toBeGreaterThan(20);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("handles a cell-sized text", () => {
    const long = "word ".repeat(7000);
    expect(checkRationale(long, { ...context, others: [{ bidder: "Birch Homes", criterion: "SV1", rationale: long }] }).map((i) => i.code)).toContain("copied");
  });
});

describe("a rationale under PPN 002 (no marks without a specific, measurable, time-bound commitment)", () => {
  const ppn002: RationaleContext = { ...context, requiresSmartCommitment: true, lowestMark: 0, mark: 4 };
  const VAGUE = "The answer sets out a credible plan for local training with named partners, which meets the training criterion well.";
  const NO_DATE = "The answer commits to 12 local apprenticeships with named training partners, which meets the training criterion well.";
  const NO_FIGURE = "The answer commits to local apprenticeships with named training partners by March 2027, which meets the criterion.";
  const SMART = "The answer commits to 12 local apprenticeships with named training partners by March 2027, which meets the criterion.";

  it("warns when a mark above the lowest rests on no figure and no date, citing PPN 002", () => {
    const issues = checkRationale(VAGUE, ppn002);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([["no-commitment", "warning"]]);
    expect(issues[0]?.message).toMatch(/^Under PPN 002 an answer scores nothing without a specific, measurable and time-bound commitment\. The mark 4 for Acme Ltd on SV1 .*no figure and no date or period/);
  });

  it("says which half is missing: the figure, or the date or period", () => {
    expect(checkRationale(NO_DATE, ppn002)[0]?.message).toMatch(/names no date or period \(by when\)/);
    expect(checkRationale(NO_FIGURE, ppn002)[0]?.message).toMatch(/names no figure \(how much\)/);
  });

  it("does not read a year or a date as the figure committed to", () => {
    expect(codes("The answer commits to local apprenticeships with training partners from 01/04/2026 to 2027, meeting the criterion.", ppn002)).toEqual(["no-commitment"]);
  });

  it("is satisfied by a figure and a date or a period", () => {
    expect(checkRationale(SMART, ppn002)).toEqual([]);
    expect(checkRationale("The answer commits to twenty local apprenticeships in each year of the contract, meeting the criterion.", ppn002)).toEqual([]);
  });

  it("is quiet for the lowest mark, without a mark, and where the framework has no such rule", () => {
    expect(checkRationale(VAGUE, { ...ppn002, mark: 0 })).toEqual([]);
    const { mark: _mark, ...noMark } = ppn002;
    expect(checkRationale(VAGUE, noMark)).toEqual([]);
    expect(checkRationale(VAGUE, { ...ppn002, requiresSmartCommitment: false })).toEqual([]);
  });

  it("adds nothing to a rationale that already cannot close", () => {
    expect(codes("Agreed.", ppn002)).toEqual(["placeholder"]);
  });
});

describe("a consensus that adopts one evaluator's mark (Braceurself v NHS England [2022])", () => {
  const ANSWER =
    "We will provide a stair climber for every resident who needs one within two weeks of referral, fitted by our own trained technicians, with a monthly check.";
  const adopted: RationaleContext = { ...context, answer: ANSWER, mark: 4, evaluatorMarks: [4, 2, 2] };
  // Reasoned and long enough, but nothing in it is taken from what this bid wrote.
  const GENERAL = "Strong and credible approach that meets the criterion well, with good evidence of delivery and value.";

  it("asks for the evidence in the bid when the panel moved everyone to one evaluator's mark", () => {
    const issues = checkRationale(GENERAL, adopted);
    expect(issues.map((i) => [i.code, i.severity])).toContainEqual(["no-bid-evidence", "error"]);
    const issue = issues.find((i) => i.code === "no-bid-evidence");
    expect(issue?.message).toContain("Braceurself");
    expect(issue?.message).toMatch(/quote|what the bid says/i);
  });

  it("is satisfied by a quotation from the bid's answer", () => {
    const quoted = `${GENERAL} The bid says “a stair climber for every resident who needs one”.`;
    expect(codes(quoted, adopted)).not.toContain("no-bid-evidence");
  });

  it("is satisfied by a specific reference to what the answer offers", () => {
    const specific = "The answer offers stair climbers fitted by its own trained technicians within two weeks of referral, which meets the criterion.";
    expect(codes(specific, adopted)).not.toContain("no-bid-evidence");
  });

  it("is not satisfied by a quotation the answer does not hold (a misreading of the bid)", () => {
    // The misreading in Braceurself: "stair climber" read as "stair lift".
    const misread = `${GENERAL} The bid offers “a stair lift for every resident”.`;
    expect(codes(misread, adopted)).toContain("no-bid-evidence");
  });

  it("is satisfied by a section or page of the bid when the answer is not in the workbook", () => {
    const { answer: _none, ...withoutAnswer } = adopted;
    expect(codes(GENERAL, withoutAnswer)).toContain("no-bid-evidence");
    expect(codes(`${GENERAL} See section 3.2 of the response, on fitting times.`, withoutAnswer)).not.toContain("no-bid-evidence");
  });

  it("does not ask when the evaluators already agreed, or when the consensus is nobody's mark", () => {
    expect(codes(GENERAL, { ...adopted, evaluatorMarks: [4, 4, 2] })).not.toContain("no-bid-evidence");
    expect(codes(GENERAL, { ...adopted, evaluatorMarks: [4, 4, 4] })).not.toContain("no-bid-evidence");
    expect(codes(GENERAL, { ...adopted, mark: 3, evaluatorMarks: [4, 2, 2] })).not.toContain("no-bid-evidence");
    expect(codes(GENERAL, { ...adopted, evaluatorMarks: [4] })).not.toContain("no-bid-evidence");
  });
});

describe("a consensus that adopts one evaluator's mark: quoting the question", () => {
  it("neither satisfies nor fails the check: only the bid's own words count", () => {
    const adopted: RationaleContext = { ...context, answer: "We will fund twelve apprenticeships with Southend College from April 2027.", mark: 4, evaluatorMarks: [4, 3, 5] };
    const quotingQuestion = `Asked “${context.criterionText}”, the response is credible and meets the criterion well overall.`;
    expect(checkRationale(quotingQuestion, adopted).find((i) => i.code === "no-bid-evidence")?.message).not.toMatch(/does not say that/);
    expect(codes(`${quotingQuestion} It funds twelve apprenticeships with Southend College.`, adopted)).not.toContain("no-bid-evidence");
  });
});
