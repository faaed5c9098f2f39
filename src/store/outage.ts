// The status of one failed store operation that an outage explains: no answer at all, too
// busy (429), or a server-side error (5xx). Shared by the Elasticsearch bulk writer and the
// write queue, so both draw the line between "wait" and "rejected" in the same place.
export const isOutageStatus = (status: number | null): boolean =>
  status === null || status === 429 || status >= 500;
