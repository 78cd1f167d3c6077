const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * The date as its writer gave it: Slugline keeps the offset a post was written with
 * (2024-04-07T11:05:09+05:00), so it is shown in that offset, not converted to the reader's zone.
 */
export function writtenDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(iso);
  if (!m) return iso;
  const [, year, month, day, hour, minute, offset] = m;
  const date = `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
  if (hour === undefined) return date;
  const zone = offset === undefined ? "" : offset === "Z" || offset === "+00:00" ? " UTC" : ` UTC${offset}`;
  return `${date}, ${hour}:${minute}${zone}`;
}
