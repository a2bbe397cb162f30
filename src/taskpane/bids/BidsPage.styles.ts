import { makeStyles, tokens } from "@fluentui/react-components";
import { bodyText, quietText, largeHeading, smallHeading } from "../pageText.styles";

export const useBidsPageStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: largeHeading,
  subheading: smallHeading,
  text: bodyText,
  quiet: quietText,
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  results: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  reports: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  report: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  reportHead: { fontWeight: tokens.fontWeightSemibold },
  fileInput: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300 },
  mapping: { display: "grid", gridTemplateColumns: "1fr", rowGap: tokens.spacingVerticalS },
});
