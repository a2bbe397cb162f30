import { makeStyles, tokens } from "@fluentui/react-components";
import { bodyText } from "./pageText.styles";

export const useMissingProxiesNoticeStyles = makeStyles({
  text: bodyText,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { marginTop: tokens.spacingVerticalS },
});
