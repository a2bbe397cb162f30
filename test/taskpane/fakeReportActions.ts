/** Fake Report actions for the pane's component tests (see fakeActions.ts). */
import type { ReportActions } from "../../src/excel/reportActions";

const notFaked = () => jest.fn().mockRejectedValue(new Error("not faked"));

export function aFakeReportActions(): jest.Mocked<ReportActions> {
  return {
    buildSummaries: notFaked(),
    buildReport: notFaked(),
    buildRegister: notFaked(),
  };
}
