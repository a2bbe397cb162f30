/** The last failure or confirmation of a section of the Moderation page, for its message bar. */
export interface Notice {
  readonly intent: "error" | "warning" | "info" | "success";
  readonly message: string;
}
