// Compares atolint's HCL trees with HashiCorp's (JSON lines from HclTreeDump.java and oracle.js) and
// prints the two fidelity figures: files parsed, and attributes (every leaf value of HashiCorp's
// tree: a literal or an expression at a path of block labels, attribute names and list indexes)
// that atolint reads with the same structure (same value; expressions compared as text with
// whitespace and commas dropped, since formatting is not structure).
const fs = require('fs');

const read = f => new Map(fs.readFileSync(f, 'utf8').split('\n').filter(Boolean)
  .map(l => JSON.parse(l)).map(o => [o.file, o]));
const ours = read(process.argv[2]);
const theirs = read(process.argv[3]);
const verbose = process.argv.includes('-v');

// Spelling variants of one structure: "key" = v and key: v are key = v; a.*.b is a[*].b.
// Comments inside an expression are not structure either (HashiCorp's text keeps them).
function stripComments(s) {
  let out = '', inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      out += c;
      if (c === '\\') { out += s[++i] || ''; } else if (c === '"') inStr = false;
    } else if (c === '"') { inStr = true; out += c; }
    else if (c === '#' || (c === '/' && s[i + 1] === '/')) { while (i < s.length && s[i] !== '\n') i++; out += '\n'; }
    else if (c === '/' && s[i + 1] === '*') { const e = s.indexOf('*/', i + 2); i = e < 0 ? s.length : e + 1; }
    else out += c;
  }
  return out;
}
const normText = s => (s.startsWith('${') ? stripComments(s) : s)
  .replace(/([{,\n]\s*)"([A-Za-z_][\w-]*)"\s*[=:](?![=>])/g, '$1$2=')
  .replace(/([{,\n]\s*)([A-Za-z_][\w-]*)\s*:(?!:)/g, '$1$2=')
  .replace(/\.\*(?=[.\s,)\]}]|$)/g, '[*]')
  .replace(/[\s,]+/g, '');
function flatten(v, path, out) {
  if (Array.isArray(v)) v.forEach((x, i) => flatten(x, path + '[' + i + ']', out));
  else if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0) out.set(path, '{}');
    for (const k of keys) flatten(v[k], path + '.' + k, out);
  } else out.set(path, typeof v === 'string' ? 's:' + normText(v) : JSON.stringify(v));
  return out;
}

let files = 0, filesOk = 0, theirFilesOk = 0, attrs = 0, same = 0;
const diffs = [];
for (const [file, t] of theirs) {
  files++;
  const o = ours.get(file);
  if (o && o.ok) filesOk++;
  else if (verbose) console.log('NOT PARSED ' + file + ' ' + (o ? o.problems.join('; ') : 'missing'));
  if (!t.ok) continue;
  theirFilesOk++;
  const tf = flatten(t.body, '', new Map());
  const of = o && o.ok ? flatten(o.body, '', new Map()) : new Map();
  for (const [p, v] of tf) {
    attrs++;
    if (of.get(p) === v) same++;
    else diffs.push(file + p + '\n   ours:   ' + of.get(p) + '\n   theirs: ' + v);
  }
}
if (verbose) diffs.forEach(m => console.log('DIFF ' + m));
const pct = (a, b) => (100 * a / b).toFixed(2) + ' %';
console.log(`files parsed by atolint: ${filesOk}/${files} = ${pct(filesOk, files)} (HashiCorp's parser: ${theirFilesOk}/${files})`);
console.log(`attributes with the same structure: ${same}/${attrs} = ${pct(same, attrs)}`);
