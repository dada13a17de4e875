// Writes ecdsa-rdfc-2019 test vectors (VC-DI-ECDSA 1.0 §3.2) with libraries that share no code with SkillsMatch:
//   keys        jose 6 (generateKeyPair, exportJWK)
//   signatures  WebCrypto ECDSA (Node's OpenSSL), IEEE P1363 r‖s as the cryptosuite requires
//   JSON-LD     jsonld.js 9 canonize: expansion, toRdf and RDFC-1.0 (rdf-canonize), safe mode on
// Contexts come only from the repository's pinned files (data/contexts/index.tsv); nothing is fetched.
// Run:  cd tools/vectors && npm ci && node make-ecdsa-vectors.mjs
// Output: tests/SkillsMatch.Tests/Credentials/LinkedData/Vectors/ecdsa-rdfc-2019/<case>/
//   keyPair.json (public and private JWK, publicKeyMultibase, did:key), unsigned.json, proofConfig.json,
//   canonDoc.nq, canonProofConfig.nq, hashData.hex, signed.json. The keys are throwaway test keys.
import { createHash, webcrypto } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair } from 'jose';
import jsonld from 'jsonld';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const out = join(repo, 'tests', 'SkillsMatch.Tests', 'Credentials', 'LinkedData', 'Vectors', 'ecdsa-rdfc-2019');

// The pinned contexts, by URL, checked against their SHA-256 like the product's ContextStore does.
const contexts = new Map();
for (const line of readFileSync(join(repo, 'data', 'contexts', 'index.tsv'), 'utf8').split('\n').slice(1)) {
  if (!line.trim()) continue;
  const [url, file, sha256] = line.split('\t');
  const bytes = readFileSync(join(repo, 'data', 'contexts', file));
  if (createHash('sha256').update(bytes).digest('hex') !== sha256.trim()) throw new Error(`${file} is not its pinned digest`);
  contexts.set(url, JSON.parse(bytes.toString('utf8')));
}
const documentLoader = async (url) => {
  if (!contexts.has(url)) throw new Error(`context ${url} is not pinned`);
  return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
};

const canonize = (doc) => jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true });

// Multikey / did:key: multicodec varint (p256-pub 0x1200, p384-pub 0x1201) + compressed point, base58btc ('z').
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58btc(bytes) {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let s = '';
  while (n > 0n) { s = ALPHABET[Number(n % 58n)] + s; n /= 58n; }
  for (const b of bytes) { if (b !== 0) break; s = '1' + s; }
  return s;
}
function multikey(jwk, codec) {
  const x = Buffer.from(jwk.x, 'base64url');
  const y = Buffer.from(jwk.y, 'base64url');
  return 'z' + base58btc(Buffer.concat([Buffer.from(codec), Buffer.from([(y[y.length - 1] & 1) === 0 ? 0x02 : 0x03]), x]));
}

const curves = {
  'P-256': { alg: 'ES256', codec: [0x80, 0x24], hash: 'sha256', webHash: 'SHA-256' },
  'P-384': { alg: 'ES384', codec: [0x81, 0x24], hash: 'sha384', webHash: 'SHA-384' },
};

function credential(issuer) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:7f3c2a5e-4b1d-4e8a-9c6f-2d0b8e1a5c47',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Northern Polytechnic (test vector issuer)' },
    validFrom: '2026-01-15T00:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-7',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://example.edu/achievements/sql-101',
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: 'SQL for Analysts',
        description: 'Queries relational data with joins and window functions.',
        criteria: { narrative: 'Passed a proctored practical exam.' },
        alignment: [{
          type: ['Alignment'],
          targetName: 'use databases',
          targetUrl: 'http://data.europa.eu/esco/skill/f9e5f4ee-2a49-4d2b-8b4f-1d9d5c0a8f8b',
          targetFramework: 'ESCO',
        }],
      },
    },
  };
}

async function write(name, crv) {
  const curve = curves[crv];
  const { publicKey, privateKey } = await generateKeyPair(curve.alg, { crv, extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const privateJwk = await exportJWK(privateKey);
  const publicKeyMultibase = multikey(publicJwk, curve.codec);
  const did = `did:key:${publicKeyMultibase}`;

  const unsigned = credential(did);
  const proofConfig = {
    '@context': unsigned['@context'],
    type: 'DataIntegrityProof',
    cryptosuite: 'ecdsa-rdfc-2019',
    created: '2026-01-15T00:00:00Z',
    verificationMethod: `${did}#${publicKeyMultibase}`,
    proofPurpose: 'assertionMethod',
  };
  // VC-DI-ECDSA §3.2.3 / §3.2.4: SHA-256 for P-256, SHA-384 for P-384, over proof config then document.
  const canonDoc = await canonize(unsigned);
  const canonProofConfig = await canonize(proofConfig);
  const hashData = Buffer.concat([
    createHash(curve.hash).update(canonProofConfig, 'utf8').digest(),
    createHash(curve.hash).update(canonDoc, 'utf8').digest(),
  ]);
  const signature = new Uint8Array(await webcrypto.subtle.sign({ name: 'ECDSA', hash: curve.webHash }, privateKey, hashData));
  if (!await webcrypto.subtle.verify({ name: 'ECDSA', hash: curve.webHash }, publicKey, signature, hashData)) throw new Error('self-check failed');

  const { '@context': _, ...proofOptions } = proofConfig;
  const signed = { ...unsigned, proof: { ...proofOptions, proofValue: 'z' + base58btc(signature) } };

  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  const json = (v) => JSON.stringify(v, null, 2) + '\n';
  writeFileSync(join(dir, 'keyPair.json'), json({ note: 'throwaway test key generated with jose', did, publicKeyMultibase, publicJwk, privateJwk }));
  writeFileSync(join(dir, 'unsigned.json'), json(unsigned));
  writeFileSync(join(dir, 'proofConfig.json'), json(proofConfig));
  writeFileSync(join(dir, 'canonDoc.nq'), canonDoc);
  writeFileSync(join(dir, 'canonProofConfig.nq'), canonProofConfig);
  writeFileSync(join(dir, 'hashData.hex'), hashData.toString('hex') + '\n');
  writeFileSync(join(dir, 'signed.json'), json(signed));
  console.log(`${name}: ${did}`);
}

await write('p256', 'P-256');
await write('p384', 'P-384');
