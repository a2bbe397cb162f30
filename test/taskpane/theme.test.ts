/** @jest-environment jsdom */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { themeForOffice } from "../../src/taskpane/theme";

describe("themeForOffice", () => {
  it("picks the dark theme when Office says its theme is dark", () => {
    expect(themeForOffice({ bodyBackgroundColor: "#262626", isDarkTheme: true })).toBe(webDarkTheme);
  });

  it("picks the light theme when Office says its theme is not dark", () => {
    expect(themeForOffice({ bodyBackgroundColor: "#FFFFFF", isDarkTheme: false })).toBe(webLightTheme);
  });

  it("picks the dark theme from a dark body background when the host does not report isDarkTheme", () => {
    expect(themeForOffice({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
  });

  it("reads the short #RGB form and lowercase hex", () => {
    expect(themeForOffice({ bodyBackgroundColor: "#222" })).toBe(webDarkTheme);
  });

  it("picks the light theme from a light body background", () => {
    expect(themeForOffice({ bodyBackgroundColor: "#f3f2f1" })).toBe(webLightTheme);
  });

  it("falls back to light when there is no Office theme", () => {
    expect(themeForOffice(undefined)).toBe(webLightTheme);
  });

  it("falls back to light when the background colour cannot be read", () => {
    expect(themeForOffice({ bodyBackgroundColor: "dark" })).toBe(webLightTheme);
  });
});
