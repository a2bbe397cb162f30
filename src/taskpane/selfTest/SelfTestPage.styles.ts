import { makeStyles, tokens } from "@fluentui/react-components";
import { bodyText, largeHeading, quietText, smallHeading } from "../pageText.styles";
import { asidePageColumn, asideSectionColumn, buttonRow } from "../asidePage.styles";

export const useSelfTestPageStyles = makeStyles({
  page: asidePageColumn,
  section: asideSectionColumn,
  heading: largeHeading,
  subheading: smallHeading,
  text: bodyText,
  quiet: quietText,
  actions: buttonRow,
  checks: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  check: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  // The verdict is said in words too: the colour only helps the eye find the ones to read.
  pass: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  differs: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  fail: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  notRun: { borderLeftColor: tokens.colorNeutralStroke1 },
  report: {
    fontFamily: tokens.fontFamilyMonospace,
  },
});
