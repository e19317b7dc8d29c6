/** The error body of docs/api.md, which our tRPC error formatter puts in `data.error`. */
export type ApiError = { code: string; message: string; details?: { fields?: Record<string, string[]> } };

/** Pulls the human message (and field errors) out of anything a tRPC mutation or query threw. */
export function apiErrorOf(error: unknown): ApiError {
  const data = (error as { data?: { error?: ApiError } } | null)?.data;
  if (data?.error) return data.error;
  if (error instanceof Error) return { code: "ERROR", message: error.message };
  return { code: "ERROR", message: "Something went wrong." };
}

/** An API error's field errors, one message per field ("shipTo.postalCode" → "is required, too long"), as forms show them. */
export function fieldMessagesOf(error: ApiError): Record<string, string> {
  return Object.fromEntries(Object.entries(error.details?.fields ?? {}).map(([field, messages]) => [field, messages.join(", ")]));
}
