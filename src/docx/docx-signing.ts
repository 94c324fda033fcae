/** The end of the Word report: Nơi nhận on the left, the signing block on the right, in one borderless table. */
import type { Table } from "docx";
import type { ReportModel } from "../core/report/report-model.js";
import type { Docx } from "./load-docx.js";
import { blockTable } from "./docx-header.js";
import { line } from "./docx-paragraphs.js";
import { SIZE } from "./docx-style.js";

/** Empty lines left for the signature (and the seal) between the title and the name. */
const SIGNING_SPACE = 4;

/**
 * Nơi nhận (bold italic 12 pt, its items 11 pt, left-aligned) beside the signing block
 * (authority and title bold upper case, space to sign, the name bold), as Nghị định 30/2020
 * places them.
 */
export function signingTable(D: Docx, m: ReportModel): Table {
  const recipients = [
    line(D, m.recipientsHeading, { size: SIZE.recipientsHeading, bold: true, italics: true, align: "left" }),
    ...m.recipientLines.map((x) => line(D, x, { size: SIZE.recipients, align: "left" })),
  ];
  const upper = (x: string) => line(D, x.toUpperCase(), { bold: true });
  const signing = [
    ...(m.signer.authority ? [upper(m.signer.authority)] : []),
    upper(m.signer.title),
    ...Array.from({ length: SIGNING_SPACE }, () => line(D, "")),
    line(D, m.signer.name, { bold: true }),
  ];
  return blockTable(D, [[recipients, signing]]);
}
