/**
 * @jest-environment jsdom
 */
import { downloadFile } from "../../../src/taskpane/bids/formsApi";

describe("downloading the response form", () => {
  afterEach(() => jest.restoreAllMocks());

  it("clicks a download link for the file where the platform saves files", () => {
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    Object.assign(URL, { createObjectURL: () => "blob:form", revokeObjectURL: () => undefined });
    expect(downloadFile(new Uint8Array([1]), "Form.xlsx", "OfficeOnline")).toBe("started");
    expect(click).toHaveBeenCalledTimes(1);
  });

  it.each(["Mac", "iOS"])("on %s, where the add-in's web view ignores download links, says so and clicks nothing", (platform) => {
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    expect(downloadFile(new Uint8Array([1]), "Form.xlsx", platform)).toBe("unsupported");
    expect(click).not.toHaveBeenCalled();
  });
});
