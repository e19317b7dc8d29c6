/** The error body of docs/api.md, which our tRPC error formatter puts in `data.error`. */
export type ApiError = { code: string; message: string; details?: { fields?: Record<string, string[]> } };

/** Pulls the human message (and field errors) out of anything a tRPC mutation or query threw. */
export function apiErrorOf(error: unknown): ApiError {
  const data = (error as { data?: { error?: ApiError } } | null)?.data;
  if (data?.error) return data.error;
  if (error instanceof Error) return { code: "ERROR", message: error.message };
  return { code: "ERROR", message: "Something went wrong." };
}
