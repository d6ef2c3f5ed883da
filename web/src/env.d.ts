/// <reference types="vite/client" />
declare module "virtual:countries" {
  const table: Record<string, [name: string, numeric: string]>;
  export default table;
}
