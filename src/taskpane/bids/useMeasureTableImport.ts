import { useState } from "react";
import type { WorkbookActions } from "../../excel/actions";
import type { MeasureImportMode, MeasureTableImportPreview } from "../../excel/bids/importMeasureTable";
import type { ColumnMapping, Grid, MeasureField } from "../../forms/types";
import type { MeasureEntry } from "../../core";
import type { OperationState } from "../useOperation";
import type { FormsApi, LoadFormsApi } from "./formsApi";
import type { Notice } from "../Notice";
import { plural } from "../wording";

export type MeasureStage =
  | { readonly kind: "idle" }
  /** The table's grids (one per sheet); the user maps the chosen one's columns. `fileNotes`: what reading the file noted (kept to the end). */
  | {
      readonly kind: "mapping";
      readonly grids: readonly Grid[];
      readonly grid: number;
      readonly mapping: ColumnMapping;
      readonly headers: readonly string[];
      readonly notes: readonly string[];
      readonly fileNotes: readonly string[];
    }
  /** Mapping applied: the measures read, the rows that could not be, and the mode to choose. */
  | {
      readonly kind: "mapped";
      readonly measures: readonly MeasureEntry[];
      readonly problems: readonly { row: number; message: string }[];
      /** How the values were read where that needs saying (e.g. decimal commas). */
      readonly notes: readonly string[];
      readonly mode: MeasureImportMode;
    }
  | { readonly kind: "preview"; readonly preview: MeasureTableImportPreview; readonly allowRemoving: boolean };

export interface MeasureTableState {
  readonly stage: MeasureStage;
  readonly notice: Notice | undefined;
  readonly inputKey: number;
  readonly onFromSelection: () => void;
  readonly onFile: (file: File) => void;
  readonly onPickGrid: (index: number) => void;
  readonly onMapField: (field: MeasureField, column: number | undefined) => void;
  readonly onApplyMapping: () => void;
  readonly onMode: (mode: MeasureImportMode) => void;
  readonly onPreview: () => void;
  readonly onAllowRemoving: (allow: boolean) => void;
  readonly onWrite: () => void;
  readonly onCancel: () => void;
}

/** Selection or file → mapping the user confirms → rows read → Update or Replace → preview → write. Never silent. */
export function useMeasureTableImport(actions: WorkbookActions, operation: OperationState, loadForms: LoadFormsApi): MeasureTableState {
  const [stage, setStage] = useState<MeasureStage>({ kind: "idle" });
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [inputKey, setInputKey] = useState(0);
  const [forms, setForms] = useState<FormsApi | undefined>(undefined);

  const startMapping = (api: FormsApi, grids: readonly Grid[], index: number, fileNotes: readonly string[]): void => {
    const grid = grids[index] as Grid;
    const proposal = api.proposeMapping(grid);
    setStage({ kind: "mapping", grids, grid: index, mapping: proposal.mapping, headers: proposal.headers, notes: [...fileNotes, ...proposal.notes], fileNotes });
  };

  const load = async (label: string, work: (api: FormsApi) => Promise<{ grids: readonly Grid[]; notes?: readonly string[] } | { message: string }>): Promise<void> => {
    setNotice(undefined);
    setStage({ kind: "idle" });
    const done = await operation.run(
      label,
      async () => {
        const api = await loadForms();
        return { api, result: await work(api) };
      },
      { cancellable: false }
    );
    setInputKey((k) => k + 1);
    if (done === undefined) return;
    if (!done.ok) return setNotice({ intent: "error", message: done.message });
    const { api, result } = done.value;
    setForms(api);
    if ("message" in result) return setNotice({ intent: "error", message: result.message });
    if (result.grids.length === 0) return setNotice({ intent: "error", message: "No table was found to import." });
    startMapping(api, result.grids, 0, result.notes ?? []);
  };

  const fromSelection = (): void =>
    void load("Reading the selected cells", async () => ({ grids: [await actions.readSelectionGrid()] }));

  const fromFile = (file: File): void =>
    void load(`Reading ${file.name}`, async (api) => {
      if (file.size > api.maxFileBytes) return { message: `"${file.name}" is larger than the ${(api.maxFileBytes / 1048576).toFixed(0)} MB the add-in reads. Save just the measure table in a file of its own and try again.` };
      const result = await api.readTableFile(file.name, new Uint8Array(await file.arrayBuffer()));
      return result.ok ? { grids: result.grids, notes: result.notes ?? [] } : { message: result.message };
    });

  const pickGrid = (index: number): void => {
    if (stage.kind === "mapping" && forms) startMapping(forms, stage.grids, index, stage.fileNotes);
  };

  const mapField = (field: MeasureField, column: number | undefined): void => {
    if (stage.kind !== "mapping") return;
    const columns = { ...stage.mapping.columns };
    if (column === undefined) delete columns[field];
    else columns[field] = column;
    setStage({ ...stage, mapping: { ...stage.mapping, columns } });
  };

  const applyMapping = (): void => {
    if (stage.kind !== "mapping" || !forms) return;
    if (stage.mapping.columns.ref === undefined || stage.mapping.columns.unit === undefined) {
      setNotice({ intent: "error", message: "Choose the columns that hold the Ref and the Unit: a measure cannot be read without them." });
      return;
    }
    const { measures, problems, notes = [] } = forms.applyMapping(stage.grids[stage.grid] as Grid, stage.mapping);
    setNotice(measures.length === 0 ? { intent: "error", message: "No measure could be read with this mapping. Check the columns chosen." } : undefined);
    setStage({ kind: "mapped", measures, problems, notes: [...stage.fileNotes, ...notes], mode: "update" });
  };

  const preview = async (): Promise<void> => {
    if (stage.kind !== "mapped") return;
    setNotice(undefined);
    const done = await operation.run("Comparing with SV Measures", () => actions.previewMeasureTableImport(stage.measures, stage.mode), { cancellable: false });
    if (done === undefined) return;
    if (!done.ok) return setNotice({ intent: "error", message: done.message });
    setStage({ kind: "preview", preview: done.value, allowRemoving: false });
  };

  const write = async (): Promise<void> => {
    if (stage.kind !== "preview") return;
    const { preview: p, allowRemoving } = stage;
    const done = await operation.run("Writing SV Measures", (options) => actions.applyMeasureTableImport(p, { ...options, allowRemovingRefsInUse: allowRemoving }));
    if (done === undefined) return;
    if (!done.ok) return setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
    setStage({ kind: "idle" });
    setNotice({ intent: "success", message: summary(p) });
  };

  return {
    stage,
    notice,
    inputKey,
    onFromSelection: fromSelection,
    onFile: fromFile,
    onPickGrid: pickGrid,
    onMapField: mapField,
    onApplyMapping: applyMapping,
    onMode: (mode) => stage.kind === "mapped" && setStage({ ...stage, mode }),
    onPreview: () => void preview(),
    onAllowRemoving: (allow) => stage.kind === "preview" && setStage({ ...stage, allowRemoving: allow }),
    onWrite: () => void write(),
    onCancel: () => {
      setStage({ kind: "idle" });
      setNotice({ intent: "info", message: "SV Measures was not changed." });
    },
  };
}

function summary(p: MeasureTableImportPreview): string {
  if (p.mode === "replace") return `SV Measures now holds the ${plural(p.rows.length, "imported measure")}${p.removed.length ? `; ${plural(p.removed.length, "ref")} removed` : ""}.`;
  const parts = [`${plural(p.added.length, "measure")} added`, `${plural(p.updated.length, "measure")} updated`, `${plural(p.proxyChanges.length, "proxy", "proxies")} changed`];
  if (p.ceilingChanges.length > 0) parts.push(`${plural(p.ceilingChanges.length, "ceiling")} changed`);
  return `SV Measures updated: ${parts.join(", ")}.`;
}
