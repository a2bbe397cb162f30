import { tokens, type GriffelStyle } from "@fluentui/react-components";

/**
 * The layout of a page that stands in place of the evaluation's steps (About and self-test,
 * Council portfolio): a column of sections, each a column, and a row of buttons. Plain style
 * objects, so each page's own styles hook takes them and the pages stay in their own chunks.
 */
export const asidePageColumn: GriffelStyle = {
  display: "flex",
  flexDirection: "column",
  rowGap: tokens.spacingVerticalL,
};

export const asideSectionColumn: GriffelStyle = {
  display: "flex",
  flexDirection: "column",
  rowGap: tokens.spacingVerticalM,
};

export const buttonRow: GriffelStyle = {
  display: "flex",
  flexWrap: "wrap",
  columnGap: tokens.spacingHorizontalS,
  rowGap: tokens.spacingVerticalS,
};
