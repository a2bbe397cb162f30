/**
 * The add-in's version, as package.json gives it. A constant here rather than an import of
 * package.json: src/ imports nothing from outside itself (test/architecture), and the pane's
 * first chunk must not carry the whole package file. test/core/shared/version.test.ts keeps the
 * two the same, so a release that bumps package.json and forgets this fails the tests.
 */
export const ADDIN_VERSION = "0.1.0";
