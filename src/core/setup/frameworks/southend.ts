/**
 * Southend-on-Sea's social value framework: the five Southend 2050 themes and the social
 * value objectives the council set for each.
 *
 * Sources of each figure:
 * - Themes and objectives: seed 002 (Southend-on-Sea Social Value Policy, December 2021,
 *   v2.0, published January 2022), section 7.4. The seed shows each theme by its 2050
 *   ambition statement (the theme titles are images); the titles used here are the
 *   Southend 2050 theme names those statements belong to.
 * - Thresholds (supplies & services £177,897, light-touch services £552,950, works £1M and
 *   24 months or more, all excluding VAT) and the 10% minimum weighting: seed 002, 9.2.
 * - No measures: the policy says measurement uses a bespoke set of National TOMs on the
 *   Social Value Portal (10.4) but does not list them, so councils import their own.
 * - Criteria: one per theme, plus monitoring, since the council commits to checking that
 *   promises are kept (10.4). The questions are this product's wording.
 */
import type { Framework } from "./schema";

export const SOUTHEND: Framework = {
  id: "southend-2050",
  name: "Southend-on-Sea (Southend 2050)",
  version: "2021.1",
  source: {
    title: "Social Value Policy (v2.0)",
    publisher: "Southend-on-Sea Borough Council",
    date: "December 2021",
  },
  policy: {
    thresholds: [
      { category: "supplies-services", minValue: 177_897 },
      { category: "light-touch", minValue: 552_950 },
      { category: "works", minValue: 1_000_000, minMonths: 24 },
    ],
    minWeighting: 0.1,
    note:
      "Thresholds exclude VAT: they are the 2022 statutory figures without it (the policy cites the note on thresholds and the inclusion of VAT, PPN 10/21, as 09/21). The 10% minimum weighting applies to tenders above the Find a Tender thresholds; below them, weighting is set in proportion to the contract.",
  },
  themes: [
    {
      id: "pride-and-joy",
      name: "Pride and Joy",
      outcomes: [
        {
          id: "PJ1",
          name: "Commissioning and procurement that protect the borough's ecology, improve the environment and answer the 2019 climate emergency declaration",
          measures: [],
        },
        {
          id: "PJ2",
          name: "The natural and built environment protected, with less waste, lower energy use and resources used efficiently",
          measures: [],
        },
        { id: "PJ3", name: "Residents more satisfied with the city and with council services", measures: [] },
        { id: "PJ4", name: "People taking pride in their communities", measures: [] },
      ],
    },
    {
      id: "safe-and-well",
      name: "Safe and Well",
      outcomes: [
        { id: "SW1", name: "Better health and wellbeing for local people, with the focus on narrowing inequalities", measures: [] },
        { id: "SW2", name: "Better life chances for residents through less inequality and social deprivation", measures: [] },
      ],
    },
    {
      id: "active-and-involved",
      name: "Active and Involved",
      outcomes: [
        {
          id: "AI1",
          name: "Communities listened to about where social value can help, and communities and partners strengthened to achieve more",
          measures: [],
        },
        { id: "AI2", name: "Local people and organisations helping to choose social value outcomes during commissioning", measures: [] },
        {
          id: "AI3",
          name: "Communities taking part in commissioning and evaluating services, through community projects and voluntary-sector partnerships",
          measures: [],
        },
        { id: "AI4", name: "Stronger community cohesion, with diversity celebrated", measures: [] },
      ],
    },
    {
      id: "opportunity-and-prosperity",
      name: "Opportunity and Prosperity",
      outcomes: [
        { id: "OP1", name: "A more socially inclusive city", measures: [] },
        { id: "OP2", name: "A stronger local economy in which new, growing and established enterprises are supported", measures: [] },
        { id: "OP3", name: "Jobs, skills and training for local people, above all in target areas", measures: [] },
      ],
    },
    {
      id: "connected-and-smart",
      name: "Connected and Smart",
      outcomes: [
        { id: "CS1", name: "Smart, green technology taken up", measures: [] },
        { id: "CS2", name: "Green, sustainable transport in the borough", measures: [] },
        { id: "CS3", name: "Better accessibility, connectivity and mobility for every resident", measures: [] },
        { id: "CS4", name: "A healthy environment that makes active, sustainable travel easy and open to all", measures: [] },
        { id: "CS5", name: "Wider digital inclusion and digital skills, narrowing inequality", measures: [] },
      ],
    },
  ],
  criteria: [
    {
      id: "SOS-Q1",
      question:
        "Pride and Joy: how will your delivery of this contract protect and improve Southend's environment, cut waste and energy use, and help residents feel proud of where they live?",
    },
    {
      id: "SOS-Q2",
      question: "Safe and Well: how will this contract improve local people's health, wellbeing and life chances, and narrow inequalities?",
    },
    {
      id: "SOS-Q3",
      question:
        "Active and Involved: how will you involve local communities and the voluntary and community sector in shaping and delivering the social value of this contract?",
    },
    {
      id: "SOS-Q4",
      question:
        "Opportunity and Prosperity: what jobs, training and supply-chain opportunities will this contract create for local people and local enterprises?",
    },
    {
      id: "SOS-Q5",
      question:
        "Connected and Smart: how will your delivery support green transport and technology, accessibility, and residents' digital inclusion and skills?",
    },
    {
      id: "SOS-Q6",
      question: "How will you record and report what you deliver, so the council can check that each commitment is kept?",
    },
  ],
};
