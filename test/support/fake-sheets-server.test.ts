/** The fake Google itself: the semantics the CLI tests rely on. */
import { createPrivateKey, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyFields, FakeGoogle, makeServiceAccountKey, parseFields, toSerial } from "./fake-sheets-server.js";

const SA = "kiem-tra@fake.iam.gserviceaccount.com";
let fake: FakeGoogle;
let key: ReturnType<typeof makeServiceAccountKey>;

beforeAll(async () => {
  fake = await FakeGoogle.start();
  key = makeServiceAccountKey(SA, fake.tokenUrl);
  fake.addServiceAccount(SA, key.publicKey);
  fake.addSpreadsheet({
    id: "S1",
    title: "Thử",
    sharedWith: [SA],
    sheets: [
      {
        title: "It's",
        rows: [
          ["a", null, 3, null],
          [],
          [true, new Date(Date.UTC(2023, 4, 3, 12)), { error: "#REF!" }, ""],
          [null],
          [],
        ],
      },
    ],
  });
});
afterAll(() => fake.close());

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
async function token(
  privatePem: string,
  scope = "https://www.googleapis.com/auth/spreadsheets.readonly",
): Promise<Response> {
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64({ alg: "RS256", typ: "JWT" })}.${b64({ iss: SA, scope, aud: "https://oauth2.googleapis.com/token", iat: now, exp: now + 3600 })}`;
  const sig = sign("RSA-SHA256", Buffer.from(head), createPrivateKey(privatePem)).toString("base64url");
  return fetch(fake.tokenUrl, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion: `${head}.${sig}`,
    }),
  });
}

describe("parseFields / applyFields", () => {
  it("keeps only the requested paths, through arrays", () => {
    const tree = parseFields("properties.title,sheets(properties(sheetId,title),merges)");
    const full = {
      spreadsheetId: "x",
      properties: { title: "T", locale: "vi" },
      sheets: [{ properties: { sheetId: 1, title: "A", index: 0 }, merges: [1], data: [2] }],
    };
    expect(applyFields(full, tree)).toEqual({
      properties: { title: "T" },
      sheets: [{ properties: { sheetId: 1, title: "A" }, merges: [1] }],
    });
  });
});

describe("FakeGoogle", () => {
  it("issues a token only for an assertion signed with the account's key and the Sheets scope", async () => {
    const stranger = makeServiceAccountKey(SA, fake.tokenUrl);
    expect((await token(stranger.json.private_key)).status).toBe(400);
    expect((await token(key.json.private_key, "https://www.googleapis.com/auth/drive")).status).toBe(400);
    const ok = await token(key.json.private_key);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { access_token: string }).access_token).toMatch(/^ya29\./);
  });

  it("answers batchGet like the API: serial dates, error text, trailing blanks and rows left out", async () => {
    const { access_token } = (await (await token(key.json.private_key)).json()) as { access_token: string };
    const q = new URLSearchParams({ valueRenderOption: "UNFORMATTED_VALUE", dateTimeRenderOption: "SERIAL_NUMBER" });
    q.append("ranges", "'It''s'");
    q.append("ranges", "'It''s'!B3:C3");
    const res = await fetch(`${fake.url}/v4/spreadsheets/S1/values:batchGet?${q}`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    const body = (await res.json()) as { valueRanges: { range: string; values: unknown[][] }[] };
    expect(body.valueRanges[0].values).toEqual([
      ["a", "", 3],
      [],
      [true, toSerial(new Date(Date.UTC(2023, 4, 3, 12))), "#REF!"],
    ]);
    expect(body.valueRanges[0].range).toBe("'It''s'!A1:Z1000");
    expect(body.valueRanges[1]).toMatchObject({ range: "'It''s'!B3:C3", values: [[45049.5, "#REF!"]] });
    const formatted = await fetch(`${fake.url}/v4/spreadsheets/S1/values:batchGet?ranges=A1`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(formatted.status).toBe(400);
    expect((await fetch(`${fake.url}/v4/spreadsheets/S1?fields=properties.title`)).status).toBe(401);
  });
});
