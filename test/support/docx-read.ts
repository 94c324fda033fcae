/** Reads a .docx back for tests: unzips it with fflate and parses its parts with xmldom, as Word would see them. */
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";

/** The WordprocessingML namespace. */
export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

type El = Element;

/** Child elements of `e` named `w:<name>`. */
export const kids = (e: El, name: string): El[] =>
  Array.from(e.childNodes as unknown as ArrayLike<Node>).filter(
    (n): n is El => n.nodeType === 1 && (n as El).localName === name && (n as El).namespaceURI === W,
  );

/** Descendant elements of `e` named `w:<name>`. */
export const all = (e: El | Document, name: string): El[] =>
  Array.from(e.getElementsByTagNameNS(W, name) as unknown as ArrayLike<El>);

/** The `w:val` (or another `w:` attribute) of the first `w:<name>` descendant of `e`, if any. */
export const val = (e: El, name: string, attr = "val"): string | null =>
  all(e, name)[0]?.getAttributeNS(W, attr) ?? null;

/** A paragraph's text: its w:t runs joined. */
export const textOf = (e: El): string =>
  all(e, "t")
    .map((t) => t.textContent ?? "")
    .join("");

/** True when a run property toggle (w:b, w:i) is on in `p`'s runs (every run with text). */
export const runsHave = (p: El, name: "b" | "i"): boolean => {
  const runs = all(p, "r").filter((r) => textOf(r).trim() !== "");
  return runs.length > 0 && runs.every((r) => all(r, name).some((x) => x.getAttributeNS(W, "val") !== "false"));
};

/** Font sizes (points) of `p`'s runs with text. */
export const sizesOf = (p: El): number[] =>
  all(p, "r")
    .filter((r) => textOf(r).trim() !== "")
    .map((r) => Number(val(r, "sz")) / 2);

/** An opened .docx: its parts as DOM documents, and the body's top-level blocks. */
export interface OpenedDocx {
  files: Record<string, Uint8Array>;
  document: Document;
  styles: Document;
  body: El;
  /** Top-level paragraphs and tables of the body, in order. */
  blocks: El[];
  /** The header parts by type (default, first), resolved through the relationships. */
  headers: Record<string, Document>;
  sectPr: El;
}

const parse = (bytes: Uint8Array): Document => new DOMParser().parseFromString(strFromU8(bytes), "text/xml");

/** Opens `bytes` as a .docx. */
export function openDocx(bytes: Uint8Array): OpenedDocx {
  const files = unzipSync(bytes);
  const document = parse(files["word/document.xml"]);
  const body = all(document, "body")[0];
  const rels = parse(files["word/_rels/document.xml.rels"]);
  const target = new Map(
    Array.from(rels.getElementsByTagName("Relationship") as unknown as ArrayLike<El>).map((r) => [
      r.getAttribute("Id"),
      r.getAttribute("Target"),
    ]),
  );
  const sectPr = kids(body, "sectPr")[0];
  const headers: Record<string, Document> = {};
  for (const ref of kids(sectPr, "headerReference")) {
    const id = ref.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
    headers[ref.getAttributeNS(W, "type") ?? ""] = parse(files[`word/${target.get(id)}`]);
  }
  const blocks = Array.from(body.childNodes as unknown as ArrayLike<Node>).filter(
    (n): n is El => n.nodeType === 1 && ["p", "tbl"].includes((n as El).localName),
  );
  return { files, document, styles: parse(files["word/styles.xml"]), body, blocks, headers, sectPr };
}

/** A table's rows as arrays of cells, each cell an array of its paragraphs. */
export const tableCells = (tbl: El): El[][][] => kids(tbl, "tr").map((tr) => kids(tr, "tc").map((tc) => kids(tc, "p")));

/** A table's rows as arrays of cell texts. */
export const tableTexts = (tbl: El): string[][] =>
  tableCells(tbl).map((row) => row.map((ps) => ps.map(textOf).join("\n")));
