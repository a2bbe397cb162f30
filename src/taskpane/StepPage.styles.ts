import { createFocusOutlineStyle, makeStyles, tokens } from "@fluentui/react-components";
import { bodyText, largeHeading } from "./pageText.styles";

export const useStepPageStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    // The page takes focus (tabIndex 0), so it needs Fluent's keyboard focus ring.
    ...createFocusOutlineStyle(),
  },
  // The `hidden` attribute alone loses to the root's display: flex, so a hidden page says it twice.
  hidden: {
    display: "none",
  },
  heading: largeHeading,
  text: bodyText,
});
