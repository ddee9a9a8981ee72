#!/usr/bin/env node
// Fails when the fi, sv and en translation files do not have exactly the same keys.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'i18n');
const languages = ['fi', 'sv', 'en'];

function keysOf(value, prefix = '') {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

function emptyValues(value, prefix = '') {
  if (typeof value === 'string') return value.trim() ? [] : [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    emptyValues(child, prefix ? `${prefix}.${key}` : key),
  );
}

const namespaces = new Set(
  languages.flatMap((lang) =>
    readdirSync(join(root, lang)).filter((file) => file.endsWith('.json')),
  ),
);

const problems = [];
for (const file of [...namespaces].sort()) {
  const keySets = {};
  for (const lang of languages) {
    let content;
    try {
      content = JSON.parse(readFileSync(join(root, lang, file), 'utf8'));
    } catch (error) {
      problems.push(`${lang}/${file}: ${error.code === 'ENOENT' ? 'missing' : error.message}`);
      continue;
    }
    keySets[lang] = new Set(keysOf(content));
    for (const key of emptyValues(content)) problems.push(`${lang}/${file}: empty value ${key}`);
  }
  const all = new Set(Object.values(keySets).flatMap((set) => [...set]));
  for (const [lang, set] of Object.entries(keySets)) {
    for (const key of all) if (!set.has(key)) problems.push(`${lang}/${file}: missing key ${key}`);
  }
}

if (problems.length) {
  console.error(`i18n check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`i18n check passed: ${namespaces.size} namespaces in ${languages.join(', ')}`);
