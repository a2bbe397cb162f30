import { makeStyles, tokens } from "@fluentui/react-components";
import { bodyText, largeHeading, quietText, smallHeading } from "../pageText.styles";
import { asidePageColumn, asideSectionColumn, buttonRow } from "../asidePage.styles";

export const usePortfolioPageStyles = makeStyles({
  page: asidePageColumn,
  section: asideSectionColumn,
  heading: largeHeading,
  subheading: smallHeading,
  text: bodyText,
  quiet: quietText,
  actions: buttonRow,
  fileInput: {
    maxWidth: "100%",
  },
  files: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  // One chosen file: its name and verdict, then its sentences. The verdict is in words; the
  // border's colour only helps the eye find the files left out.
  file: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteGreenBorder2}`,
  },
  leftOut: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  fileHead: {
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  sentences: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
});
