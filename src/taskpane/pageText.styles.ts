import { tokens, type GriffelStyle } from "@fluentui/react-components";

/**
 * Text styles every page shares, so the pages read as one pane: each page's styles hook takes
 * these for its `text`, `quiet` and headings and keeps only what is its own.
 */

/** Body text. */
export const bodyText: GriffelStyle = {
  margin: 0,
  fontSize: tokens.fontSizeBase300,
  lineHeight: tokens.lineHeightBase300,
};

/** Hints and secondary lines. */
export const quietText: GriffelStyle = {
  margin: 0,
  fontSize: tokens.fontSizeBase200,
  lineHeight: tokens.lineHeightBase200,
  color: tokens.colorNeutralForeground3,
};

/** The larger heading: a step's h2, and the sections' h3 on the Bids, Moderation and Report pages. */
export const largeHeading: GriffelStyle = {
  margin: 0,
  fontSize: tokens.fontSizeBase400,
  lineHeight: tokens.lineHeightBase400,
  fontWeight: tokens.fontWeightSemibold,
};

/** The smaller heading: the h4 under a section, and the section headings of Set up and Scores. */
export const smallHeading: GriffelStyle = {
  margin: 0,
  fontSize: tokens.fontSizeBase300,
  lineHeight: tokens.lineHeightBase300,
  fontWeight: tokens.fontWeightSemibold,
};
