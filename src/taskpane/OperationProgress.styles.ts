import { makeStyles, tokens } from "@fluentui/react-components";

export const useOperationProgressStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  cancel: {
    alignSelf: "flex-start",
  },
});
