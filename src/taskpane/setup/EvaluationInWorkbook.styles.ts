import { makeStyles, tokens } from "@fluentui/react-components";

/** The evaluation's settings as label over value, compact enough for a narrow pane. */
export const useEvaluationInWorkbookStyles = makeStyles({
  settings: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: tokens.spacingVerticalS,
  },
  value: {
    marginLeft: 0,
    overflowWrap: "anywhere",
  },
});
