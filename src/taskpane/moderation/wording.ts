/**
 * A time the workbook recorded (ISO 8601), as an evaluator reads it: "5 Mar 2025, 11:20" in
 * the pane's own time zone. Text that is not a time is shown as it is, so a hand-edited cell
 * still says something rather than "Invalid Date".
 */
export function formatWhen(iso: string): string {
  const time = new Date(iso);
  if (iso.trim() === "" || Number.isNaN(time.getTime())) return iso;
  return time.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

/** "Alice", "Alice and Bob", "Alice, Bob and Carol". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** A core message ("a consensus for …") as a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
