// The error both hosts throw when the workbook cannot be read or a cell cannot be selected.

/** A failed host call; the message is Chinese and complete, ready for the pane. */
export class HostError extends Error {
  constructor(message, cause) {
    super(message);
    this.name = "HostError";
    this.cause = cause;
  }
}
