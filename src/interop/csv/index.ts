export { CSV_COLUMNS, csvLine, incidentRow } from "./incidents.ts";
