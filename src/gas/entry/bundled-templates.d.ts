/** Types of the template JSON files the build bundles (see scripts/build-gas.ts). */
declare module "tong-hop:sheets-templates" {
  /** One bundled `sheets-templates/*.json`: its file name (without .json) and its content. */
  const templates: { name: string; input: unknown }[];
  export default templates;
}
