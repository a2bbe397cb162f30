import { makeStyles } from "@fluentui/react-components";

export const useEvaluationStepsStyles = makeStyles({
  // Six tabs do not fit one row of a 320px pane, so narrow panes show two even rows of three;
  // a pane the user has widened gets the usual single row.
  tabs: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    "@media (min-width: 480px)": {
      display: "flex",
    },
  },
});
