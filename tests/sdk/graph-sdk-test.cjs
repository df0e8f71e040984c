// Microsoft's Graph JavaScript SDK (@microsoft/microsoft-graph-client, unmodified) as an independent
// client of the SyncBridge Graph emulator over https: item CRUD, PageIterator over a multi-page
// collection, BatchRequestContent ($batch) and RetryHandler on a 429 with Retry-After. The emulator's
// certificate is trusted through NODE_EXTRA_CA_CERTS (never NODE_TLS_REJECT_UNAUTHORIZED=0).
// Run by run-sdk-test.sh; exits non-zero on the first failed check.
"use strict";
const assert = require("node:assert/strict");
const { Client, PageIterator, BatchRequestContent, BatchResponseContent } = require("@microsoft/microsoft-graph-client");

const base = process.env.EMULATOR_URL; // https://127.0.0.1:PORT
assert.ok(base && base.startsWith("https://"), "EMULATOR_URL must be the emulator's https address");
assert.ok(!process.env.NODE_TLS_REJECT_UNAUTHORIZED, "certificate checks stay on");

function step(text) {
    console.log(`ok - ${text}`);
}

async function admin(method, path, body) {
    const response = await fetch(`${base}/_emulator${path}`, {
        method,
        headers: body ? { "Content-Type": "application/json" } : {},
        body: body ? JSON.stringify(body) : undefined,
    });
    assert.ok(response.ok, `admin ${method} ${path}: HTTP ${response.status}`);
    return response.status === 204 ? {} : response.json();
}

async function token() {
    const form = new URLSearchParams({
        client_id: "syncbridge-demo",
        client_secret: "demo-secret",
        scope: "https://graph.microsoft.com/.default",
        grant_type: "client_credentials",
    });
    const response = await fetch(`${base}/contoso/oauth2/v2.0/token`, { method: "POST", body: form });
    assert.equal(response.status, 200, "token request");
    return (await response.json()).access_token;
}

async function main() {
    await admin("POST", "/reset");
    const accessToken = await token();
    // The SDK's default middleware chain: authentication, RetryHandler, RedirectHandler, telemetry.
    const client = Client.init({
        authProvider: (done) => done(null, accessToken),
        baseUrl: `${base}/`,
        defaultVersion: "v1.0",
        customHosts: new Set(["127.0.0.1"]),
    });

    const site = await client.api("/sites/contoso.sharepoint.com:/sites/pmo").get();
    assert.match(site.id, /^contoso\.sharepoint\.com,/);
    step(`site over https: ${site.id}`);

    const list = await client.api(`/sites/${site.id}/lists`).post({
        displayName: "SDK Items",
        columns: [{ name: "Amount", number: {} }],
        list: { template: "genericList" },
    });
    const items = `/sites/${site.id}/lists/${list.id}/items`;
    step(`list created: ${list.id}`);

    // CRUD
    const created = await client.api(items).post({ fields: { Title: "First", Amount: 1 } });
    assert.equal(created.fields.Title, "First");
    const read = await client.api(`${items}/${created.id}`).expand("fields").get();
    assert.equal(read.fields.Amount, 1);
    const patched = await client.api(`${items}/${created.id}/fields`).patch({ Amount: 2 });
    assert.equal(patched.Amount, 2);
    await client.api(`${items}/${created.id}`).delete();
    await assert.rejects(client.api(`${items}/${created.id}`).get(), (error) => error.statusCode === 404);
    step("item CRUD: create, read, update fields, delete, 404 after delete");

    // PageIterator over 25 items, 10 a page
    await admin("POST", `/lists/${list.id}/generate`, { count: 25, fields: { Title: "Generated {n}" } });
    const firstPage = await client.api(items).top(10).expand("fields").get();
    assert.ok(firstPage["@odata.nextLink"].startsWith(`${base}/v1.0/`), "nextLink is https");
    const seen = [];
    const iterator = new PageIterator(client, firstPage, (item) => {
        seen.push(item.fields.Title);
        return true;
    });
    await iterator.iterate();
    assert.equal(seen.length, 25);
    assert.equal(new Set(seen).size, 25);
    step(`PageIterator: ${seen.length} items over 3 pages, nextLinks https`);

    // $batch
    const batch = new BatchRequestContent([
        { id: "1", request: new Request(`${base}/v1.0${items}`, { method: "POST", headers: { "Content-Type": "application/json" },
                                                                   body: JSON.stringify({ fields: { Title: "Batched 1" } }) }) },
        { id: "2", request: new Request(`${base}/v1.0${items}`, { method: "POST", headers: { "Content-Type": "application/json" },
                                                                   body: JSON.stringify({ fields: { Title: "Batched 2" } }) }), dependsOn: ["1"] },
        { id: "3", request: new Request(`${base}/v1.0/sites/${site.id}/lists/${list.id}`, { method: "GET" }), dependsOn: ["2"] },
    ]);
    const batchResponse = new BatchResponseContent(await client.api("/$batch").post(await batch.getContent()));
    assert.equal(batchResponse.getResponseById("1").status, 201);
    assert.equal(batchResponse.getResponseById("2").status, 201);
    assert.equal(batchResponse.getResponseById("3").status, 200);
    assert.equal((await batchResponse.getResponseById("3").json()).id, list.id);
    step("BatchRequestContent: two creates and a read in one serial $batch (dependsOn)");

    // RetryHandler on 429: a budget of 8 RU a (2 s) minute; single-item reads cost 1 RU each.
    await admin("POST", "/stats/reset");
    await admin("PATCH", "/config", { timeScale: 30, throttling: { ruPerMinute: 8, rateLimitHeaders: true } });
    const some = (await client.api(items).top(1).get()).value[0].id;
    for (let i = 0; i < 12; ++i) {
        const again = await client.api(`${items}/${some}`).get();
        assert.equal(again.id, some);
    }
    const stats = await admin("GET", "/stats");
    assert.ok(stats.throttled >= 1, `the emulator throttled (throttled=${stats.throttled})`);
    assert.ok((stats.responsesByStatus["429"] || 0) >= 1, "a 429 was answered");
    step(`RetryHandler: ${stats.responsesByStatus["429"]} × 429 with Retry-After, every read succeeded after the SDK's retries`);
    console.log("all Graph SDK checks passed over https");
}

main().catch((error) => {
    console.error(`not ok - ${error.stack || error}`);
    if (error.body)
        console.error(typeof error.body === "string" ? error.body : JSON.stringify(error.body));
    process.exit(1);
});
