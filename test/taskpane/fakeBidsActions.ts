/** Fake Bids actions for the pane's component tests (see fakeActions.ts). */
import type { BidsActions } from "../../src/excel/bidsActions";

export function aFakeBidsActions(): jest.Mocked<BidsActions> {
  return {};
}
