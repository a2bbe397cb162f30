/**
 * Colchester's social value themes, as reported through the Social Value Portal.
 *
 * Sources of each figure:
 * - The 17 themes, and the £100,000 threshold from which the portal is used (January 2021
 *   onwards): seed 003 (Colchester council report on social value). The report is undated in
 *   the seed; it refers to decisions of July 2021.
 * - The seed names themes only, so each theme has one outcome, written here as the change
 *   the theme aims for (this product's wording).
 * - Measures: the three KPIs the report says the council wants to monitor across its
 *   contracts (seed 003, "Governance": % increase in local businesses, % increase in local
 *   employment within contracts, carbon management), as record-only measures: the council
 *   tracks them, it does not value them. The first two are shares (%); the report gives the
 *   carbon KPI no unit, so it is asked in tonnes of CO2 equivalent (this product's choice, the
 *   unit carbon commitments are usually counted in) and also as a qualitative criterion on
 *   how emissions will be managed. Portal measures and proxies are imported.
 * - Nothing here carries a £ value, so a tender on these measures alone is scored on its
 *   answers: the Set up defaults give commitments 0% of the points (frameworkDefaults.ts).
 * - The 2019 climate emergency and the goal of net zero direct emissions by 2030, cited in
 *   the carbon criterion: seed 003. The Covid-19 theme was added to the portal in 2020 (seed).
 */
import type { Framework, Theme } from "./schema";

/** A Colchester theme with its single outcome; `n` numbers them in the report's order. */
function theme(n: number, name: string, outcome: string, measures: Theme["outcomes"][number]["measures"] = []): Theme {
  return { id: `T${n}`, name, outcomes: [{ id: `O${n}`, name: outcome, measures }] };
}

export const COLCHESTER: Framework = {
  id: "colchester",
  name: "Colchester (Social Value Portal themes)",
  version: "2021.1",
  source: {
    title: "Council report on social value in procurement and purchasing",
    publisher: "Colchester Borough Council",
    date: "undated (refers to decisions of July 2021)",
  },
  policy: {
    thresholds: [{ category: "any", minValue: 100_000 }],
    note:
      "Social value commitments are recorded on the Social Value Portal for contracts over £100,000. The council aims for consistent scoring levels across tender reviews and for a way to weigh social value against cost.",
  },
  themes: [
    theme(1, "Employing local people", "More local people working on council contracts", [
      {
        ref: "COL1",
        description: "Share of the people working on the contract who live in the borough",
        unit: "percent",
        proxy: null,
        type: "Record",
        guidance: "Reported so the council can track local employment across its contracts; it adds no £ value.",
      },
    ]),
    theme(2, "Providing opportunities for disadvantaged people", "Disadvantaged people helped into work and training"),
    theme(3, "Improving skills", "Local people gaining skills and qualifications"),
    theme(4, "Improving employability of young people", "Young people better prepared for work"),
    theme(5, "Opportunities for micro and small businesses", "Micro and small businesses winning more work"),
    theme(6, "Improving staff wellbeing and mental health", "Contract staff healthier and better supported"),
    theme(7, "Reducing inequalities", "Narrower gaps in opportunity and outcomes between residents"),
    theme(8, "Ethical procurement", "Supply chains that treat workers fairly and avoid exploitation"),
    theme(9, "Reducing cyber security risks", "Data and systems used on the contract kept secure"),
    theme(10, "Supply chain social value", "Suppliers' own supply chains adding social value", [
      {
        ref: "COL2",
        description: "Share of contract spend that goes to local businesses",
        unit: "percent",
        proxy: null,
        type: "Record",
        guidance: "Reported so the council can track spend with local businesses across its contracts; it adds no £ value.",
      },
    ]),
    theme(11, "Working within the local community", "Local community groups and projects supported"),
    theme(12, "Reducing carbon emissions", "Lower carbon emissions from council contracts, towards the council's net zero goal for 2030", [
      {
        ref: "COL3",
        description: "Carbon emissions the contract will cut or avoid, in tonnes of CO2 equivalent",
        unit: "tCO2e",
        proxy: null,
        type: "Record",
        guidance:
          "Reported so the council can track carbon against its 2030 net zero goal; it adds no £ value. Ask how the figure is worked out and against which baseline.",
      },
    ]),
    theme(13, "Reducing air pollution", "Cleaner local air"),
    theme(14, "Protecting the environment", "The local environment protected and improved"),
    theme(15, "Resource efficiency", "Less waste, with more reuse and recycling"),
    theme(16, "Sustainable procurement", "Goods and services chosen with their environmental impact in mind"),
    theme(17, "Supporting communities to deal with Covid-19", "Communities helped through and beyond the pandemic"),
  ],
  criteria: [
    {
      id: "COL-Q1",
      question: "Which of the council's social value themes will this contract contribute to, and what exactly will you deliver under each?",
    },
    {
      id: "COL-Q2",
      question:
        "How will you manage and reduce the carbon emissions and wider environmental impact of delivering this contract?",
      outcomeId: "O12",
      guidance: "The council declared a climate emergency in 2019 and aims for net zero direct emissions by 2030.",
    },
    {
      id: "COL-Q3",
      question: "How will you record your social value commitments and report progress against them during the contract?",
    },
  ],
};
