/** What came of one outbound POST: the receiver's status, or why there was none. */
export type PostOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export interface PostRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Hard limit for connect + response; a receiver that hangs fails the attempt, not the queue. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** At most this much of a refusal is kept for the delivery log (a gateway's error page can be huge). */
const MAX_ERROR_CHARS = 300;

/**
 * Posts a body and reads the status. 2xx is delivered; anything else is a failure in words a
 * NOC engineer can act on (the receiver's status and the start of its answer, or the network's
 * error). Never throws: the caller decides on retries from the outcome.
 */
export async function postJson(request: PostRequest): Promise<PostOutcome> {
  const signals = [AbortSignal.timeout(request.timeoutMs), ...(request.signal ? [request.signal] : [])];
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body,
      redirect: 'error',
      signal: AbortSignal.any(signals),
    });
    const text = (await response.text()).slice(0, MAX_ERROR_CHARS);
    if (response.ok) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `the receiver answered ${response.status}${text ? `: ${text}` : ''}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = (error as Error).name === 'TimeoutError' ? `no answer within ${request.timeoutMs} ms` : (cause?.code ?? cause?.message ?? (error as Error).message);
    return { ok: false, status: null, error: `could not reach ${new URL(request.url).host}: ${why}` };
  }
}
