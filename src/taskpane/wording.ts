/** "1 form", "3 forms", "1,200 rows": a count and its word, for the pane's messages. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? word : many}`;
}
