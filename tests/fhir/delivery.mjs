// delivery.mjs - mesoscreen's delivery to a real FHIR engine (server.mjs), one scenario per
// run: node delivery.mjs SCENARIO MESOSCREEN WORK_DIR. Exits 0 when the scenario holds, 1
// with the reasons otherwise. Every scenario also checks that the access token it used never
// appears in any output or file, and that every resource the server stored validates.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { validate } from './fhircheck.mjs';
import { startServer } from './server.mjs';

const [scenario, mesoscreen, workDir] = process.argv.slice(2);
const answersDir = process.env.ANSWERS_DIR;
const TOKEN = 'tok-' + crypto.randomBytes(12).toString('hex');
const failures = [];
const outputs = [];

function check(cond, what) {
  if (!cond) failures.push(what);
}

fs.rmSync(workDir, { recursive: true, force: true });
fs.mkdirSync(workDir, { recursive: true });

// Runs mesoscreen (asynchronously: the server lives in this process) in a desk's own state.
function run(args, { desk = 'desk1', env = {}, input = '' } = {}) {
  const home = path.join(workDir, desk);
  fs.mkdirSync(home, { recursive: true });
  return new Promise((resolve) => {
    const child = spawn(mesoscreen, args, {
      env: {
        PATH: process.env.PATH,
        HOME: home,
        XDG_STATE_HOME: path.join(home, 'state'),
        XDG_CONFIG_HOME: path.join(home, 'config'),
        MESOSCREEN_REPORT_DIR: path.join(home, 'reports'),
        MESOSCREEN_FHIR_TIMEOUT: '3',
        TZ: 'UTC',
        LC_ALL: 'C',
        ...env,
      },
    });
    let stdout = '', stderr = '';
    child.stdin.on('error', () => {}); // a program that exits without reading its input
    child.stdin.end(input);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      outputs.push({ args, stdout, stderr });
      resolve({ code, stdout, stderr });
    });
  });
}

const answers = (name) => path.join(answersDir, `${name}.yaml`);
const save = (name, server, opts = {}) => run(['answer', '--answers', answers(name), '--save', '--fhir-server', server], opts);
const send = (server, opts = {}) => run(['send', '--fhir-server', server], opts);
const outboxFiles = (desk = 'desk1') => {
  const dir = path.join(workDir, desk, 'state', 'mesoscreen', 'outbox');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
};

async function search(server, type, query = '') {
  const r = await fetch(`${server.url}/${type}${query}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const b = await r.json();
  return (b.entry ?? []).map((e) => e.resource);
}

// Every resource the server holds validates.
async function storedValid(server) {
  for (const type of ['QuestionnaireResponse', 'Observation', 'Questionnaire', 'CodeSystem'])
    for (const r of await search(server, type)) {
      const problems = validate(r, `stored ${type}/${r.id}`);
      check(problems.length === 0, problems.join('\n'));
    }
}

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]
  );
}

function tokenNowhere() {
  for (const o of outputs)
    check(!o.stdout.includes(TOKEN) && !o.stderr.includes(TOKEN), `the token appears in the output of mesoscreen ${o.args.join(' ')}`);
  for (const f of filesUnder(workDir)) {
    if (f.includes(`${path.sep}config${path.sep}`)) continue; // the token file itself
    check(!fs.readFileSync(f).includes(TOKEN), `the token appears in ${f}`);
  }
}

const tokenEnv = { MESOSCREEN_FHIR_TOKEN: TOKEN };

const scenarios = {
  // Posted, read back by its identifier, posted again without a duplicate.
  async post_read_again() {
    const s = await startServer({ token: TOKEN });
    try {
      const r = await save('eligible_single', s.url, { env: tokenEnv });
      check(r.code === 0, `answer --save exited ${r.code}: ${r.stderr}`);
      check(/FHIR: sent to/.test(r.stderr), `no "sent" message: ${r.stderr}`);
      check(outboxFiles().length === 0, 'the outbox keeps a delivered screening');
      const qrs = await search(s, 'QuestionnaireResponse');
      check(qrs.length === 1, `${qrs.length} responses on the server, expected 1`);
      const id = qrs[0]?.identifier?.value;
      const byId = await search(s, 'QuestionnaireResponse', `?identifier=${encodeURIComponent('urn:ietf:rfc:3986|' + id)}`);
      check(byId.length === 1, `reading back by identifier ${id} found ${byId.length}`);
      const obs = await search(s, 'Observation', `?identifier=${encodeURIComponent('urn:ietf:rfc:3986|' + id)}`);
      check(obs.length === 1, `the outcome by identifier: ${obs.length} Observations`);
      check(obs[0]?.derivedFrom?.[0]?.reference === `QuestionnaireResponse/${qrs[0]?.id}`, `derivedFrom is ${JSON.stringify(obs[0]?.derivedFrom)}`);
      check(obs[0]?.valueCodeableConcept?.coding?.[0]?.code === 'eligible', 'the verdict is not eligible');
      // the same bundle again, as a retry would send it: no duplicate
      const again = await run(['answer', '--answers', answers('eligible_single'), '--format', 'fhir', '-o', path.join(workDir, 'bundle.json')]);
      check(again.code === 0, 'answer --format fhir -o failed');
      const b = fs.readFileSync(path.join(workDir, 'bundle.json'));
      for (let i = 0; i < 2; i++) {
        const resp = await fetch(s.url, { method: 'POST', body: b, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/fhir+json' } });
        check(resp.status === 200, `posting the bundle answered ${resp.status}`);
      }
      check((await search(s, 'QuestionnaireResponse')).length === 2, 'posting one bundle twice made a duplicate');
      check((await search(s, 'Observation')).length === 2, 'posting one bundle twice made a duplicate Observation');
      const status = s.requests.filter((q) => q.method === 'POST').length;
      check(status === 3, `${status} POSTs reached the server`);
      check(s.requests.every((q) => q.headers.authorization === `Bearer ${TOKEN}`), 'a request without the token');
      await storedValid(s);
    } finally {
      await s.close();
    }
  },

  // Two desks, one server: both desks' screenings are there, and the questionnaire too.
  async two_desks() {
    const s = await startServer();
    try {
      const q = await run(['fhir-questionnaire', '-o', path.join(workDir, 'questionnaire.json')]);
      check(q.code === 0, `fhir-questionnaire exited ${q.code}`);
      for (let i = 0; i < 2; i++) {
        const resp = await fetch(s.url, { method: 'POST', body: fs.readFileSync(path.join(workDir, 'questionnaire.json')), headers: { 'content-type': 'application/fhir+json' } });
        check(resp.status === 200, `loading the questionnaire answered ${resp.status}: ${(await resp.text()).slice(0, 400)}`);
      }
      check((await search(s, 'Questionnaire')).length === 1, 'loading the questionnaire twice made two');
      const a = await save('eligible_single', s.url, { desk: 'desk1', env: { MESOSCREEN_CLINIC: 'Clinic North' } });
      const b = await save('not_eligible_bleeding', s.url, { desk: 'desk2', env: { MESOSCREEN_CLINIC: 'Clinic South' } });
      const c = await save('eligible_single', s.url, { desk: 'desk2' });
      check(a.code === 0 && b.code === 0 && c.code === 0, `saves exited ${a.code} ${b.code} ${c.code}`);
      const obs = await search(s, 'Observation');
      check(obs.length === 3, `${obs.length} outcomes on the server, expected 3 (two desks)`);
      const clinics = obs.flatMap((o) => (o.performer ?? []).filter((p) => p.type === 'Organization').map((p) => p.display)).sort();
      check(JSON.stringify(clinics) === JSON.stringify(['Clinic North', 'Clinic South']), `clinics on the server: ${clinics}`);
      const [questionnaire] = await search(s, 'Questionnaire');
      for (const r of await search(s, 'QuestionnaireResponse'))
        check(r.questionnaire === `${questionnaire.url}|${encodeURIComponent(questionnaire.version)}`, `a response names ${r.questionnaire}`);
      await storedValid(s);
    } finally {
      await s.close();
    }
  },

  // Server down: the desk carries on, the outbox keeps it, send delivers it later.
  async server_down() {
    const s = await startServer();
    const url = s.url;
    await s.close();
    const r = await save('eligible_single', url);
    check(r.code === 0, `answer --save with the server down exited ${r.code}`);
    check(/waiting to send/.test(r.stderr), `no "waiting to send": ${r.stderr}`);
    check(outboxFiles().length === 1, `outbox holds ${outboxFiles().length}`);
    const mode = fs.statSync(path.join(workDir, 'desk1', 'state', 'mesoscreen', 'outbox', outboxFiles()[0])).mode & 0o777;
    check(mode === 0o600, `outbox file mode ${mode.toString(8)}`);
    const down = await send(url);
    check(down.code === 75, `send with the server down exited ${down.code}, expected 75`);
    check(/1 still waiting/.test(down.stdout), `send said: ${down.stdout}`);
    const s2 = await startServer();
    try {
      const up = await send(s2.url);
      check(up.code === 0, `send with the server up exited ${up.code}: ${up.stdout}${up.stderr}`);
      check(/^sent /m.test(up.stdout) && /1 sent, 0 still waiting/.test(up.stdout), `send said: ${up.stdout}`);
      check(outboxFiles().length === 0, 'the outbox still holds it after send');
      check((await search(s2, 'QuestionnaireResponse')).length === 1, 'not on the server after send');
      const none = await send(s2.url);
      check(none.code === 0 && /nothing waits/.test(none.stdout), `an empty outbox: exit ${none.code}: ${none.stdout}`);
      await storedValid(s2);
    } finally {
      await s2.close();
    }
  },

  // The server answers 400, 500, or not at all: kept, with a clear message.
  async server_errors() {
    const s = await startServer({ token: TOKEN });
    try {
      const cases = [
        ['400', /refused it: HTTP 400: refused by the test server/],
        ['500', /refused it: HTTP 500: internal error of the test server/],
        ['hang', /cannot be reached: .*(timed out|Timeout)/i],
      ];
      for (const [mode, words] of cases) {
        s.setMode(mode);
        const r = await save('deferred_pregnancy', s.url, { env: tokenEnv });
        check(r.code === 0, `mode ${mode}: answer --save exited ${r.code}`);
        check(words.test(r.stderr) && /waiting to send/.test(r.stderr), `mode ${mode}: message ${r.stderr}`);
      }
      check(outboxFiles().length === 3, `outbox holds ${outboxFiles().length}, expected 3`);
      s.setMode('500');
      const r = await send(s.url, { env: tokenEnv });
      check(r.code === 75 && /3 still waiting/.test(r.stdout), `send against 500: ${r.code} ${r.stdout}`);
      s.setMode('normal');
      const ok = await send(s.url, { env: tokenEnv });
      check(ok.code === 0 && /3 sent, 0 still waiting/.test(ok.stdout), `send once fixed: ${ok.code} ${ok.stdout}`);
      check((await search(s, 'QuestionnaireResponse')).length === 3, 'not every kept screening arrived');
      s.setMode('normal');
      const bad = await send(s.url, { env: { MESOSCREEN_FHIR_TOKEN: 'wrong-token' } });
      check(bad.code === 0, `empty outbox with a wrong token: ${bad.code}`);
      const denied = await save('deferred_pregnancy', s.url, { env: { MESOSCREEN_FHIR_TOKEN: 'wrong-token' } });
      check(/HTTP 401 \(the access token was not accepted\)/.test(denied.stderr), `wrong token: ${denied.stderr}`);
      await storedValid(s);
    } finally {
      await s.close();
    }
  },

  // The token: from a private file, refused from a file others can read, never over plain
  // http to another machine, never in any output.
  async token_rules() {
    const s = await startServer({ token: TOKEN });
    try {
      const cfg = path.join(workDir, 'desk1', 'config', 'mesoscreen');
      fs.mkdirSync(cfg, { recursive: true });
      const file = path.join(cfg, 'fhir-token');
      fs.writeFileSync(file, TOKEN + '\n', { mode: 0o644 });
      fs.chmodSync(file, 0o644);
      const open = await save('eligible_single', s.url);
      check(/must be yours and private/.test(open.stderr) && /waiting to send/.test(open.stderr), `a token file others can read: ${open.stderr}`);
      fs.chmodSync(file, 0o600);
      const ok = await send(s.url);
      check(ok.code === 0 && /1 sent/.test(ok.stdout), `send with the private token file: ${ok.code} ${ok.stdout}${ok.stderr}`);
      const remote = await save('eligible_single', 'http://192.0.2.1/fhir', { env: tokenEnv });
      check(/sent only over https or to this machine/.test(remote.stderr), `token over plain http elsewhere: ${remote.stderr}`);
      const remoteSend = await send('http://192.0.2.1/fhir', { env: tokenEnv });
      check(remoteSend.code === 75 && /sent only over https/.test(remoteSend.stderr), `send over plain http elsewhere: ${remoteSend.code} ${remoteSend.stderr}`);
      check(s.requests.filter((q) => q.method === 'POST').length === 1, 'a request reached the server that should not have');
    } finally {
      await s.close();
    }
  },

  // At the desk (plain prompts): the screening's UUID is minted when it begins and kept in
  // the journal; an interrupted screening resumed and saved reaches the server under it.
  async desk_session() {
    const s = await startServer({ token: TOKEN });
    try {
      const shapes = process.env.SHAPES_QUESTIONNAIRE;
      const args = ['--plain', '-q', shapes, '--patient', 'P-DESK', '--practitioner', 'Dr Desk', '--fhir-server', s.url];
      const answers = ['1', '25', '10', 'gamma', '', 'u', 'y', 'n', 'm1', ''];
      const first = await run(args, { env: tokenEnv, input: answers.slice(0, 3).join('\n') + '\n' });
      check(first.code === 65, `an interrupted screening exited ${first.code}`);
      const journal = path.join(workDir, 'desk1', 'state', 'mesoscreen', 'fhir-shapes', 'P-DESK.journal');
      const text = fs.existsSync(journal) ? fs.readFileSync(journal, 'utf8') : '';
      const m = /^\d+ [0-9a-f]{8} screening ([0-9a-f-]{36})$/m.exec(text); // a framed record
      check(m, `the journal keeps no screening UUID:\n${text}`);
      check(!text.includes(TOKEN), 'the token is in the journal');
      const rest = await run(args, { env: tokenEnv, input: ['1', ...answers.slice(3)].join('\n') + '\n' });
      check(rest.code === 0, `the resumed screening exited ${rest.code}: ${rest.stderr}`);
      check(/Sent to the clinic's FHIR server\./.test(rest.stdout), `no "sent" line: ${rest.stdout.slice(-300)}`);
      const qrs = await search(s, 'QuestionnaireResponse');
      check(qrs.length === 1 && m && qrs[0].identifier?.value === `urn:uuid:${m[1]}`,
        `the server has ${qrs.map((q) => q.identifier?.value)}, expected urn:uuid:${m?.[1]}`);
      check(qrs[0]?.questionnaire === 'https://clinic.example/fhir/Questionnaire/fhir-shapes|2.1', `questionnaire ${qrs[0]?.questionnaire}`);
      check(!fs.existsSync(journal), 'the journal outlives the saved screening');
      s.setMode('500');
      const waiting = await run(args, { env: tokenEnv, input: answers.join('\n') + '\n' });
      check(waiting.code === 0 && /Waiting to send to the clinic's FHIR server/.test(waiting.stdout), `server failing: ${waiting.code} ${waiting.stdout.slice(-300)}`);
      check(outboxFiles().length === 1, 'the outbox does not keep the screening the server refused');
      await storedValid(s);
    } finally {
      await s.close();
    }
  },

  // TLS certificates are verified: a self-signed server gets nothing.
  async tls_verified() {
    const keyFile = path.join(workDir, 'key.pem'), certFile = path.join(workDir, 'cert.pem');
    const gen = spawn('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
    const genCode = await new Promise((resolve) => gen.on('close', resolve));
    if (genCode !== 0) {
      failures.push('openssl could not make a test certificate');
      return;
    }
    let posted = 0;
    const server = https.createServer({ key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) }, (req, res) => {
      posted++;
      res.writeHead(200).end('{}');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${server.address().port}/fhir`;
      const r = await save('eligible_single', url, { env: tokenEnv });
      check(/waiting to send/.test(r.stderr) && /certificate/i.test(r.stderr), `a self-signed server: ${r.stderr}`);
      check(posted === 0, 'the self-signed server received a request');
      check(outboxFiles().length === 1, 'the outbox does not keep it');
    } finally {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    }
  },
};

if (!scenarios[scenario]) {
  console.error(`unknown scenario ${scenario}; known: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
try {
  await scenarios[scenario]();
} catch (err) {
  failures.push(String(err?.stack ?? err));
}
tokenNowhere();
for (const f of failures) console.error(`FAIL ${scenario}: ${f}`);
if (failures.length) {
  for (const o of outputs) console.error(`--- mesoscreen ${o.args.join(' ')}\n${o.stdout}${o.stderr}`);
  process.exit(1);
}
console.log(`ok ${scenario}`);
process.exit(0);
