/** A page message: a failure, a warning, or a confirmation of what was done. */
export interface Notice {
  readonly intent: "error" | "warning" | "info" | "success";
  readonly message: string;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? word : many}`;
}
