import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { OfficeThemeInfo } from "./host";

/**
 * The Fluent theme that matches the user's Office theme (File > Account > Office Theme).
 * Newer hosts say so directly (`isDarkTheme`: Black or Dark Gray); older ones give only colours,
 * so then the pane goes dark when the body background is dark. A missing or unreadable colour
 * falls back to light, Office's default.
 */
export function themeForOffice(officeTheme: OfficeThemeInfo | undefined): Theme {
  if (officeTheme === undefined) return webLightTheme;
  if (typeof officeTheme.isDarkTheme === "boolean") return officeTheme.isDarkTheme ? webDarkTheme : webLightTheme;
  const background = parseHexColour(officeTheme.bodyBackgroundColor);
  if (background === undefined) return webLightTheme;
  return perceivedLightness(background) < 0.5 ? webDarkTheme : webLightTheme;
}

type Rgb = readonly [number, number, number];

/** Office reports colours as "#RRGGBB"; "#RGB" and a missing "#" are accepted too. */
function parseHexColour(colour: unknown): Rgb | undefined {
  if (typeof colour !== "string") return undefined;
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (match === null) return undefined;
  const hex = match[1]!;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
  const channel = (start: number): number => parseInt(full.slice(start, start + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

/** 0 (black) … 1 (white), with the ITU-R BT.601 weights: cheap and enough to tell light from dark. */
function perceivedLightness([red, green, blue]: Rgb): number {
  return (0.299 * red + 0.587 * green + 0.114 * blue) / 255;
}
