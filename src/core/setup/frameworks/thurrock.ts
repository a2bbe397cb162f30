/**
 * Thurrock Council's Social Values Framework: five community-strategy priorities CS1–CS5,
 * each an outcome with example measures.
 *
 * Sources of each figure: seed 004 (Thurrock Council, Social Values Framework; undated, it
 * plans a review of the approach by spring 2015).
 * - Themes (Social, Economic, Equality, Compassion, Environmental) and outcomes CS1–CS5, with
 *   the aims listed under each (kept in the first criterion's guidance, since an outcome has
 *   no field for them).
 * - Measures: the seed's example measures, paraphrased. Their targets are "x" in the seed:
 *   set contract by contract, so the framework holds none. The bidder states its own target
 *   (the Quantity of a commitment), which is recorded for the contract and monitored, not
 *   valued in £: Thurrock publishes no proxy values and scores the answers, not a £ total. So
 *   every measure is record-only — none is flagged as missing a proxy, none ever carries £,
 *   and the register still lists every target. The seed prints its table across two pages; the
 *   two lines at the top of the environmental row ("local supply chain (i.e. within Thurrock)"
 *   and businesses ceasing to trade) finish the economic list, and are placed under CS2.
 * - Units are this product's reading of each example.
 * - Rules: every tender includes at least one outcome; suppliers are scored on how they will
 *   deliver and on how delivery will be measured and verified (the two criteria, nothing
 *   else: the Set up defaults give commitments 0% of the points); the winner's answers become
 *   part of the contract. All from section 2.0.
 * - Threshold: the framework applies to every tendering exercise, including contracts outside
 *   the Public Contracts Regulations, so its threshold is £0.
 */
import type { Framework, Measure } from "./schema";

const OWN_TARGET =
  "Thurrock sets no figure for this measure: the bidder states its own target for the contract. The target is written into the contract and monitored; it adds no £ value.";

/** One of the seed's example measures: its "x" becomes the bidder's own target, recorded, never valued. */
function example(ref: string, description: string, unit: Measure["unit"]): Measure {
  return { ref, description, unit, proxy: null, type: "Record", guidance: OWN_TARGET };
}

export const THURROCK: Framework = {
  id: "thurrock",
  name: "Thurrock Council Social Values Framework",
  version: "2014.1",
  source: {
    title: "Social Values Framework",
    publisher: "Thurrock Council",
    date: "undated (review planned for spring 2015)",
  },
  policy: {
    thresholds: [{ category: "any", minValue: 0 }],
    requiresOutcomeSelection: true,
    note:
      "Choose at least one outcome for every tender, where it relates to what is being bought; otherwise include it as a contract term. The winning bidder's answers are written into the contract and monitored.",
  },
  themes: [
    {
      id: "social",
      name: "Social",
      outcomes: [
        {
          id: "CS1",
          name: "Create a great place for learning and opportunity",
          measures: [
            example("CS1.1", "More voluntary organisations supported each year", "count"),
            example("CS1.2", "Yearly growth in corporate and community volunteering", "percent"),
            example("CS1.3", "Hours of support given to community and voluntary organisations through employer-supported volunteering", "hours"),
            example("CS1.4", "Services delivered locally, cutting the average distance travelled to or by them", "count"),
            example("CS1.5", "Service users involved in designing or delivering the service", "people"),
            example("CS1.6", "Share of social care users supported to live independently", "percent"),
            example("CS1.7", "Young people aged 16–19 who are not in education, employment or training helped into one of them", "people"),
          ],
        },
      ],
    },
    {
      id: "economic",
      name: "Economic",
      outcomes: [
        {
          id: "CS2",
          name: "Encourage and promote job creation and economic prosperity",
          measures: [
            example("CS2.1", "Share of staff on the contract paid at least the living wage", "percent"),
            example("CS2.2", "Share of spend with businesses based in Thurrock", "percent"),
            example("CS2.3", "Share of total spend with voluntary and community sector providers in Thurrock", "percent"),
            example("CS2.4", "Business start-ups supported each year", "count"),
            example("CS2.5", "New business investment brought into Thurrock", "GBP"),
            example("CS2.6", "Apprenticeships created, corporate or community", "people"),
            example("CS2.7", "People supported back into work through targeted activities", "people"),
            example("CS2.8", "Investment or in-kind contributions secured for community programmes", "GBP"),
            example("CS2.9", "Share of total spend in the local supply chain, within Thurrock", "percent"),
            example("CS2.10", "Businesses ceasing to trade, kept below the national average", "percent"),
          ],
        },
      ],
    },
    {
      id: "equality",
      name: "Equality",
      outcomes: [
        {
          id: "CS3",
          name: "Build pride, responsibility and respect to create safer communities",
          measures: [
            example("CS3.1", "People employed from groups that usually face extra barriers in the labour market", "people"),
            example("CS3.2", "Events held to build community cohesion", "count"),
            example("CS3.3", "Initiatives or campaigns to foster good relations in Thurrock", "count"),
          ],
        },
      ],
    },
    {
      id: "compassion",
      name: "Compassion",
      outcomes: [
        {
          id: "CS4",
          name: "Improve health and well-being",
          measures: [
            example("CS4.1", "Service users supported into work experience, paid work or training", "people"),
            example("CS4.2", "Service users supported to take up volunteering", "people"),
            example("CS4.3", "Residential social care users supported to live independently", "people"),
            example("CS4.4", "Community befriending schemes co-ordinated and delivered", "count"),
          ],
        },
      ],
    },
    {
      id: "environmental",
      name: "Environmental",
      outcomes: [
        {
          id: "CS5",
          name: "Protect and promote our clean and green environment",
          measures: [
            example("CS5.1", "Reduction in carbon emissions", "tCO2e"),
            example(
              "CS5.2",
              "Households helped to manage their energy use through improvements to their homes, lifting them out of fuel poverty",
              "count",
            ),
            example("CS5.3", "Growth in visitors to Thurrock's riverside and green spaces", "percent"),
          ],
        },
      ],
    },
  ],
  criteria: [
    {
      id: "TH-Q1",
      question: "How will you deliver against the social value outcomes selected for this contract?",
      guidance:
        "What each outcome aims for — CS1: strong communities and a thriving voluntary sector, more participation and social awareness, early intervention that reduces demand. CS2: more and more prosperous local businesses, more jobs in Thurrock, inward investment, more openings for local providers. CS3: safe, welcoming communities that value diversity and heritage; residents shaping where they live; less crime and anti-social behaviour; vulnerable people safeguarded. CS4: people and communities helping themselves and each other. CS5: a clean, protected environment and lower climate risks.",
    },
    {
      id: "TH-Q2",
      question: "How will your delivery against those outcomes be measured and verified?",
      guidance:
        "The winning answers, and the targets the bidder states for its measures, become part of the contract and its monitoring, so look for targets, baselines, evidence and reporting a contract manager can check.",
    },
  ],
};
