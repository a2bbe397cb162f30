import { createFocusOutlineStyle, makeStyles, tokens } from "@fluentui/react-components";
import { bodyText, smallHeading } from "../pageText.styles";

export const useScoresPageStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  text: bodyText,
  heading: smallHeading,
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
  results: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  // Eight columns do not fit a 320px pane: the table scrolls sideways, and the scroller takes
  // focus so keyboard users can scroll it with the arrow keys.
  scroller: {
    overflowX: "auto",
    ...createFocusOutlineStyle(),
  },
  table: {
    borderCollapse: "collapse",
    minWidth: "100%",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    paddingBottom: tokens.spacingVerticalXS,
  },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "start",
    verticalAlign: "top",
  },
  number: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  // Under the bidder's name: why the bid scores 0. The words carry the meaning; the colour
  // only draws the eye.
  disregarded: {
    display: "block",
    color: tokens.colorPaletteRedForeground1,
  },
  // The caption of scores that are not a result yet (commitments at £0 for want of a proxy, or
  // every bid at 0): the words say it, the colour draws the eye.
  provisional: {
    color: tokens.colorPaletteRedForeground1,
  },
  headCell: {
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
});
