import { makeStyles, tokens } from "@fluentui/react-components";

export const useScoreChartStyles = makeStyles({
  figure: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  caption: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  chart: {
    display: "block",
    width: "100%",
    height: "auto",
  },
  track: {
    fill: tokens.colorNeutralBackground3,
  },
  bar: {
    fill: tokens.colorBrandBackground,
    // Windows high contrast replaces colours; the bars keep a system colour so they stay visible.
    "@media (forced-colors: active)": {
      fill: "CanvasText",
    },
  },
  label: {
    fill: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: "12px",
    "@media (forced-colors: active)": {
      fill: "CanvasText",
    },
  },
});
