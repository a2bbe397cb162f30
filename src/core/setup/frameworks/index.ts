/** Public surface of src/core/frameworks: the schema, the loader, the built-in frameworks. */
export * from "./schema";
export { loadFramework, type LoadFrameworkResult } from "./loadFramework";
export type { FrameworkProblem } from "./frameworkProblem";
export { allMeasures, findMeasure, type FrameworkMeasure } from "./measures";
export { BUILT_IN_FRAMEWORKS, getBuiltInFramework } from "./builtins";
export { ESSEX } from "./essex";
export { SOUTHEND } from "./southend";
export { COLCHESTER } from "./colchester";
export { THURROCK } from "./thurrock";
export { SOCIAL_VALUE_MODEL } from "./socialValueModel";
export { PPN002, PPN002_ID, SMART_COMMITMENT_RULE } from "./ppn002";
export { ILLUSTRATIVE } from "./illustrative";
