/** Fake Moderation actions for the pane's component tests (see fakeActions.ts). */
import type { ModerationActions } from "../../src/excel/moderationActions";

const notFaked = () => jest.fn().mockRejectedValue(new Error("not faked"));

export function aFakeModerationActions(): jest.Mocked<ModerationActions> {
  return {
    readMarking: notFaked(),
    prepareMarking: notFaked(),
    saveMarks: notFaked(),
    openModeration: notFaked(),
    readModeration: notFaked(),
    recordConsensus: notFaked(),
    reviewSignOff: notFaked(),
    signOff: notFaked(),
    verify: notFaked(),
  };
}
