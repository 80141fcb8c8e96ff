// Prints one JSON line per .tf file under a directory, as HashiCorp's parser (@cdktf/hcl2json) reads it.
const { parse } = require('@cdktf/hcl2json');
const fs = require('fs');
const path = require('path');

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.tf')) out.push(p);
  }
  return out;
}

(async () => {
  const root = process.argv[2];
  for (const f of walk(root, [])) {
    const rel = path.relative(root, f);
    try {
      const body = await parse(f, fs.readFileSync(f, 'utf8'));
      console.log(JSON.stringify({ file: rel, ok: true, body }));
    } catch (e) {
      console.log(JSON.stringify({ file: rel, ok: false, error: String(e).slice(0, 300) }));
    }
  }
})();
