export { type TaxiiRoutesOptions, taxiiRoutes } from "./routes.ts";
