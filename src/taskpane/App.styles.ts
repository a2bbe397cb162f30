import { makeStyles, tokens } from "@fluentui/react-components";

export const useAppStyles = makeStyles({
  // The provider paints the theme's background, so it must fill the pane for dark mode to hold.
  provider: {
    minHeight: "100vh",
  },
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  // The steps, hidden (kept mounted) while About is shown: the flex display must not override `hidden`.
  steps: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    "&[hidden]": { display: "none" },
  },
  // The version and the way to About: small and quiet, under the pages.
  footer: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
});
