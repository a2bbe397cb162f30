/**
 * Fake Moderation actions for the pane's component tests (see fakeActions.ts): each a jest.fn
 * that succeeds with a small, plausible answer, plus builders for the views they return. The
 * sample is a panel of three marking two bidders on two criteria of a 0–5 scale.
 */
import type {
  ConsensusResult,
  CriterionView,
  MarkInput,
  MarkingView,
  MarkRow,
  ModerationActions,
  ModerationItemView,
  ModerationView,
  RollUpChange,
  SignOffResult,
  SignOffReview,
  VerifyResult,
} from "../../src/excel/moderation/moderationActions";
import type { OperationOptions } from "../../src/excel/shared/excelRun";

export const EVALUATORS = ["Alice", "Bob", "Carol"];
export const BIDDERS = ["Acme Ltd", "Brightside CIC"];
export const CRITERIA: CriterionView[] = [
  { id: "SV1", question: "How will you deliver your social value commitments?", weight: 0.5 },
  { id: "SV2", question: "How will your commitments be measured and verified?", weight: 0.5 },
];

export function aMarkRow(overrides: Partial<MarkRow> = {}): MarkRow {
  return { evaluator: "Alice", bidder: "Acme Ltd", criterion: "SV1", mark: null, comment: "", updated: "", row: 2, ...overrides };
}

/** Every evaluator × bidder × criterion row, marked as `markOf` says (blank by default). */
export function markRows(markOf: (evaluator: string, bidder: string, criterion: string) => number | null = () => null): MarkRow[] {
  const rows: MarkRow[] = [];
  for (const evaluator of EVALUATORS)
    for (const bidder of BIDDERS)
      for (const c of CRITERIA) {
        const mark = markOf(evaluator, bidder, c.id);
        rows.push(
          aMarkRow({
            evaluator,
            bidder,
            criterion: c.id,
            mark,
            updated: mark === null ? "" : "2025-03-03T10:00:00.000Z",
            row: rows.length + 2,
          }),
        );
      }
  return rows;
}

export function aMarkingView(overrides: Partial<MarkingView> = {}): MarkingView {
  return {
    evaluators: EVALUATORS,
    bidders: BIDDERS,
    criteria: CRITERIA,
    scaleMarks: [0, 1, 2, 3, 4, 5],
    scaleLabel: "0–5",
    rollUp: "consensus",
    moderationThreshold: 1,
    blindMarking: false,
    moderationOpen: false,
    marks: markRows(),
    answers: [
      { bidder: "Acme Ltd", criterion: "SV1", answer: "We will hire ten local apprentices through the college." },
      { bidder: "Brightside CIC", criterion: "SV1", answer: "Our volunteers will run weekly sessions in two schools." },
    ],
    ...overrides,
  };
}

export function aModerationItem(overrides: Partial<ModerationItemView> = {}): ModerationItemView {
  return {
    bidder: "Acme Ltd",
    criterion: "SV1",
    marks: [
      { evaluator: "Alice", mark: 3 },
      { evaluator: "Bob", mark: 3 },
      { evaluator: "Carol", mark: 4 },
    ],
    min: 3,
    max: 4,
    spread: 1,
    mean: 10 / 3,
    median: 3,
    flagged: false,
    consensus: null,
    rollUp: "consensus",
    rolledUp: null,
    status: "open",
    problems: [],
    agreedBy: "",
    agreedAt: "",
    rationaleIssues: [],
    ...overrides,
  };
}

/** A view whose summary is counted from its items. */
export function aModerationView(
  items: ModerationItemView[] = [aModerationItem()],
  overrides: Partial<ModerationView> = {},
): ModerationView {
  const open = items.filter((i) => i.status === "open").length;
  return {
    items,
    summary: {
      items: items.length,
      open,
      closed: items.length - open,
      flagged: items.filter((i) => i.flagged).length,
      flaggedOpen: items.filter((i) => i.flagged && i.status === "open").length,
      withProblems: items.filter((i) => i.problems.length > 0).length,
    },
    bidders: BIDDERS,
    criteria: CRITERIA,
    evaluators: EVALUATORS,
    scaleMarks: [0, 1, 2, 3, 4, 5],
    rollUp: "consensus",
    moderationThreshold: 1,
    blindMarking: false,
    moderationOpen: true,
    ...overrides,
  };
}

/** SV_RollUp changed from consensus to average after marking started on 2 March 2025. */
export function aRollUpChange(overrides: Partial<RollUpChange> = {}): RollUpChange {
  return { fixed: "consensus", now: "average", fixedAt: "2025-03-02T12:00:00.000Z", ...overrides };
}

export function aSignOffReview(overrides: Partial<SignOffReview> = {}): SignOffReview {
  return { open: [], ready: true, ...overrides };
}

export function aSignOffResult(overrides: Partial<SignOffResult> = {}): SignOffResult {
  return {
    fingerprint: "9f2c4e1a7b3d5f6081a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7a8",
    signedBy: "Dana Price",
    signedAt: "2025-03-10T10:30:00.000Z",
    sheets: ["SV Setup", "SV Commitments", "SV Scores", "SV Marks", "SV Moderation"],
    changedDuringSignOff: [],
    ...overrides,
  };
}

export function aVerifyResult(overrides: Partial<VerifyResult> = {}): VerifyResult {
  const signed = aSignOffResult();
  return {
    status: "intact",
    signedBy: signed.signedBy,
    signedAt: signed.signedAt,
    fingerprint: signed.fingerprint,
    currentFingerprint: signed.fingerprint,
    changes: [],
    ...overrides,
  };
}

export function aFakeModerationActions(): jest.Mocked<ModerationActions> {
  const agreed: ConsensusResult = { ok: true, agreedAt: "2025-03-05T11:20:00.000Z" };
  return {
    readMarking: jest.fn().mockResolvedValue(aMarkingView()),
    prepareMarking: jest.fn().mockResolvedValue({ added: 0 }),
    saveMarks: jest.fn((_evaluator: string, marks: readonly MarkInput[], _options?: OperationOptions) =>
      Promise.resolve({ saved: marks.length }),
    ),
    openModeration: jest.fn().mockResolvedValue(undefined),
    readModeration: jest.fn().mockResolvedValue(aModerationView()),
    recordConsensus: jest.fn().mockResolvedValue(agreed),
    reviewSignOff: jest.fn().mockResolvedValue(aSignOffReview()),
    signOff: jest.fn().mockResolvedValue(aSignOffResult()),
    verify: jest.fn().mockResolvedValue(aVerifyResult()),
  };
}
