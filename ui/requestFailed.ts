/** A request to the main thread that failed, timed out or was cancelled; the message can be shown. */
export class RequestFailed extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
  }
}
