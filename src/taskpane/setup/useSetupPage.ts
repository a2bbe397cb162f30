import { useCallback, useMemo, useState } from "react";
import type { WorkbookActions, WorkbookState } from "../../excel/actions";
import type { PlanInput } from "../../excel/setup/evaluationPlan";
import type { MeasureUpdatePreview } from "../../excel/setup/updateMeasures";
import type { Conflict } from "../../excel/setup/writePlan";
import {
  allMeasures,
  BUILT_IN_FRAMEWORKS,
  measureTableFromFramework,
  type Framework,
  type Outcome,
  type TenderFinding,
  type TenderVerdict,
} from "../../core";
import { useOperation, type OperationState } from "../useOperation";
import { useTenderSettingsSchema } from "./useTenderSettingsSchema";
import { useTenderChecks } from "./useTenderChecks";
import { switchFrameworkDraft } from "./frameworkDraft";
import { useFormFromWorkbook } from "./useFormFromWorkbook";
import { FIELD_LABELS, INITIAL_DRAFT, readSetupDraft, type ReadSetup, type SetupDraft, type SetupField } from "./setupForm";

/** What the last insert or update did, shown under the Insert button. */
export type SetupOutcome =
  | { readonly kind: "none" }
  | { readonly kind: "written"; readonly sheets: readonly string[] }
  /** Parts of the evaluation exist: nothing was written. */
  | { readonly kind: "conflicts"; readonly conflicts: readonly Conflict[] }
  /** The user asked to update SV Measures instead; waiting for their confirmation. */
  | {
      readonly kind: "preview";
      readonly conflicts: readonly Conflict[];
      readonly preview: MeasureUpdatePreview;
      readonly frameworkName: string;
    }
  | { readonly kind: "updated"; readonly preview: MeasureUpdatePreview };

export interface Failure {
  readonly message: string;
  /** The user cancelled: said calmly, not as an error. */
  readonly cancelled: boolean;
}

export interface SetupPageState {
  readonly frameworks: readonly Framework[];
  readonly framework: Framework | undefined;
  readonly onFrameworkChange: (id: string) => void;

  readonly isMeasureSelected: (ref: string) => boolean;
  readonly onMeasureToggle: (ref: string, selected: boolean) => void;
  /** true, false, or "mixed" when some of the outcome's measures are selected. */
  readonly outcomeSelection: (outcome: Outcome) => boolean | "mixed";
  readonly onOutcomeToggle: (outcome: Outcome, selected: boolean) => void;
  readonly measuresInScope: readonly string[];
  readonly outcomesInScope: readonly string[];
  readonly measureCount: number;

  readonly draft: SetupDraft;
  readonly onFieldChange: <F extends SetupField>(field: F, value: SetupDraft[F]) => void;
  readonly onFieldBlur: (field: SetupField) => void;
  /** The field's error once the user has left the field or tried to insert; else undefined. */
  readonly fieldError: (field: SetupField) => string | undefined;
  readonly fieldWarning: (field: SetupField) => string | undefined;

  readonly verdict: TenderVerdict | undefined;
  /** Live checks of the settings (checkTender), minus those about a field already in error. */
  readonly findings: readonly TenderFinding[];
  /** Why the live checks are not there yet (their code is still loading, or could not load); undefined once they run. */
  readonly checksUnavailable: string | undefined;
  /**
   * Why Insert did nothing, as it was when the user pressed it; cleared by the next edit (the
   * fields keep their own errors), so the alert is read out once, not on every keystroke.
   */
  readonly blockers: readonly string[];

  readonly operation: OperationState;
  readonly outcome: SetupOutcome;
  readonly failure: Failure | undefined;
  readonly onInsert: () => void;
  readonly onUpdateMeasures: () => void;
  readonly onApplyUpdate: () => void;
  readonly onDiscardUpdate: () => void;
}

/**
 * State of the Set up page: the framework and measures chosen, the settings typed, their
 * live checks, and the insert / update flow. The workbook is reached only through `actions`.
 */
export function useSetupPage(actions: WorkbookActions, workbook?: WorkbookState): SetupPageState {
  const [frameworkId, setFrameworkId] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  /** Outcomes chosen that have no measures (the UK model's policy outcomes are qualitative only). */
  const [chosenOutcomes, setChosenOutcomes] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraft] = useState<SetupDraft>(INITIAL_DRAFT);
  // The workbook is the pane's memory: an evaluation already there fills the form (useFormFromWorkbook.ts).
  useFormFromWorkbook(workbook, { frameworkId, draft, selected, chosenOutcomes, setFrameworkId, setDraft, setSelected, setChosenOutcomes });
  const [touched, setTouched] = useState<ReadonlySet<SetupField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [blockers, setBlockers] = useState<readonly string[]>([]);
  const [outcome, setOutcome] = useState<SetupOutcome>({ kind: "none" });
  const [failure, setFailure] = useState<Failure | undefined>(undefined);

  const describeError = useCallback((error: unknown) => actions.describeError(error), [actions]);
  const operation = useOperation(describeError);

  const framework = useMemo(() => BUILT_IN_FRAMEWORKS.find((f) => f.id === frameworkId), [frameworkId]);
  const measures = useMemo(() => (framework ? allMeasures(framework) : []), [framework]);
  const outcomes = useMemo(() => (framework ? framework.themes.flatMap((t) => t.outcomes) : []), [framework]);

  const measuresInScope = useMemo(() => measures.filter((m) => selected.has(m.ref)).map((m) => m.ref), [measures, selected]);
  const outcomesInScope = useMemo(
    () =>
      outcomes
        .filter((o) => (o.measures.length > 0 ? o.measures.some((m) => selected.has(m.ref)) : chosenOutcomes.has(o.id)))
        .map((o) => o.id),
    [outcomes, selected, chosenOutcomes],
  );
  const measureTable = useMemo(
    () => (framework ? measureTableFromFramework(framework, measuresInScope) : []),
    [framework, measuresInScope],
  );

  const schema = useTenderSettingsSchema();
  const read: ReadSetup = useMemo(
    () => readSetupDraft(draft, { frameworkId: framework?.id ?? "", measuresInScope, outcomesInScope }, schema),
    [draft, framework, measuresInScope, outcomesInScope, schema],
  );

  const checks = useTenderChecks();
  const verdict = useMemo(() => {
    if (framework === undefined || !("live" in checks)) return undefined;
    const { tenderVerdict, frameworkThresholds } = checks.live;
    const s = read.draftSettings;
    return tenderVerdict(
      {
        contractValue: s.contractValue,
        category: s.category,
        ...(s.durationMonths !== undefined ? { durationMonths: s.durationMonths } : {}),
        ...(s.vatBasis !== undefined ? { vatBasis: s.vatBasis } : {}),
        ...(s.procurementStart !== undefined ? { procurementStart: s.procurementStart } : {}),
        ...(s.buyer !== undefined ? { buyer: s.buyer } : {}),
      },
      frameworkThresholds(framework),
    );
  }, [framework, read.draftSettings, checks]);

  const findings = useMemo(() => {
    if (framework === undefined || !("live" in checks)) return [];
    const all = checks.live.checkTender(read.draftSettings, {
      id: framework.id,
      name: framework.name,
      policy: framework.policy,
      appliesFrom: framework.appliesFrom,
      appliesUntil: framework.appliesUntil,
      supersededBy: framework.supersededBy,
      measures: measureTable,
      criteria: framework.criteria,
    });
    return all.filter((f) => !(f.setting in read.errors));
  }, [framework, read, measureTable, checks]);
  const checksUnavailable = "unavailable" in checks ? checks.unavailable : undefined;

  /** Everything that stops an insert: no framework, fields in error, error findings. */
  const whatBlocks = (): string[] => {
    const out: string[] = [];
    if (framework === undefined) out.push("Choose a framework.");
    const fields = (Object.keys(read.errors) as SetupField[]).map((f) => FIELD_LABELS[f]);
    if (fields.length > 0) out.push(`Fix ${fields.length === 1 ? "this field" : "these fields"}: ${fields.join(", ")}.`);
    if (framework !== undefined) out.push(...read.otherErrors);
    // Insert never goes ahead unchecked: an error the checks would have found must stop it.
    if (framework !== undefined && checksUnavailable !== undefined) out.push(checksUnavailable);
    for (const f of findings) if (f.severity === "error") out.push(`${f.code}: ${f.message}`);
    return out;
  };

  const clearBlockers = useCallback(() => setBlockers((now) => (now.length === 0 ? now : [])), []);

  /** A changed framework or scope makes a pending measure preview stale: it is dropped. */
  const dropStalePreview = useCallback(() => {
    setOutcome((now) => (now.kind === "preview" ? { kind: "conflicts", conflicts: now.conflicts } : now));
    clearBlockers();
  }, [clearBlockers]);

  /** The user picks a framework: the settings it implies replace the scoring fields the user has not changed (frameworkDraft.ts). */
  const onFrameworkChange = useCallback(
    (id: string) => {
      setFrameworkId(id);
      setSelected(new Set());
      setChosenOutcomes(new Set());
      const find = (wanted: string) => BUILT_IN_FRAMEWORKS.find((f) => f.id === wanted);
      setDraft((now) => switchFrameworkDraft(now, find(frameworkId), find(id)));
      dropStalePreview();
    },
    [dropStalePreview, frameworkId],
  );

  const onMeasureToggle = useCallback(
    (ref: string, on: boolean) => {
      setSelected((now) => {
        const next = new Set(now);
        if (on) next.add(ref);
        else next.delete(ref);
        return next;
      });
      dropStalePreview();
    },
    [dropStalePreview],
  );

  const isMeasureSelected = useCallback((ref: string) => selected.has(ref), [selected]);

  const outcomeSelection = useCallback(
    (o: Outcome): boolean | "mixed" => {
      if (o.measures.length === 0) return chosenOutcomes.has(o.id);
      const count = o.measures.filter((m) => selected.has(m.ref)).length;
      return count === 0 ? false : count === o.measures.length ? true : "mixed";
    },
    [selected, chosenOutcomes],
  );

  const onOutcomeToggle = useCallback(
    (o: Outcome, on: boolean) => {
      if (o.measures.length === 0) {
        setChosenOutcomes((now) => {
          const next = new Set(now);
          if (on) next.add(o.id);
          else next.delete(o.id);
          return next;
        });
      } else {
        setSelected((now) => {
          const next = new Set(now);
          for (const m of o.measures) {
            if (on) next.add(m.ref);
            else next.delete(m.ref);
          }
          return next;
        });
      }
      dropStalePreview();
    },
    [dropStalePreview],
  );

  const onFieldChange = useCallback(
    <F extends SetupField>(field: F, value: SetupDraft[F]) => {
      setDraft((now) => ({ ...now, [field]: value }));
      clearBlockers();
    },
    [clearBlockers],
  );

  const onFieldBlur = useCallback((field: SetupField) => {
    setTouched((now) => (now.has(field) ? now : new Set(now).add(field)));
  }, []);

  const fieldError = useCallback(
    (field: SetupField) => (submitted || touched.has(field) ? read.errors[field] : undefined),
    [submitted, touched, read],
  );
  const fieldWarning = useCallback((field: SetupField) => read.warnings[field], [read]);

  const insert = async (): Promise<void> => {
    setSubmitted(true);
    setFailure(undefined);
    setOutcome({ kind: "none" });
    const blocked = whatBlocks();
    setBlockers(blocked);
    if (blocked.length > 0 || framework === undefined || read.settings === undefined) return;
    const input: PlanInput = {
      settings: read.settings,
      frameworkName: framework.name,
      measures: measureTable,
      thresholdReason: verdict?.reason ?? "",
      criteria: framework.criteria,
      blindMarking: draft.blindMarking,
      // Only a roll-up that averages can give marks between the scale's marks.
      tenderSaysAveraged: draft.rollUp !== "consensus" && draft.tenderSaysAveraged,
    };

    // Look first, so a workbook that already has the evaluation is never written to.
    const looked = await operation.run("Checking the workbook", () => actions.findConflicts(input), { cancellable: false });
    if (looked === undefined) return;
    if (!looked.ok) return setFailure(looked);
    if (looked.value.length > 0) return setOutcome({ kind: "conflicts", conflicts: looked.value });

    const written = await operation.run("Inserting the evaluation sheets", (options) => actions.insertEvaluation(input, options));
    if (written === undefined) return;
    if (!written.ok) return setFailure(written);
    const result = written.value;
    // Someone may have added a sheet between the look and the write: the writer refused then.
    setOutcome(
      result.status === "written" ? { kind: "written", sheets: result.sheets } : { kind: "conflicts", conflicts: result.conflicts },
    );
  };

  const updateMeasures = async (): Promise<void> => {
    if (outcome.kind !== "conflicts" || framework === undefined) return;
    const { conflicts } = outcome;
    setFailure(undefined);
    const previewed = await operation.run("Reading SV Measures", () => actions.previewMeasureUpdate(measureTable), { cancellable: false });
    if (previewed === undefined) return;
    if (!previewed.ok) return setFailure(previewed);
    setOutcome({ kind: "preview", conflicts, preview: previewed.value, frameworkName: framework.name });
  };

  const applyUpdate = async (): Promise<void> => {
    if (outcome.kind !== "preview") return;
    const { preview } = outcome;
    setFailure(undefined);
    const applied = await operation.run("Updating SV Measures", (options) => actions.applyMeasureUpdate(preview, options));
    if (applied === undefined) return;
    if (!applied.ok) return setFailure(applied);
    setOutcome({ kind: "updated", preview });
  };

  return {
    frameworks: BUILT_IN_FRAMEWORKS,
    framework,
    onFrameworkChange,
    isMeasureSelected,
    onMeasureToggle,
    outcomeSelection,
    onOutcomeToggle,
    measuresInScope,
    outcomesInScope,
    measureCount: measures.length,
    draft,
    onFieldChange,
    onFieldBlur,
    fieldError,
    fieldWarning,
    verdict,
    findings,
    checksUnavailable,
    blockers,
    operation,
    outcome,
    failure,
    onInsert: () => void insert(),
    onUpdateMeasures: () => void updateMeasures(),
    onApplyUpdate: () => void applyUpdate(),
    onDiscardUpdate: dropStalePreview,
  };
}
