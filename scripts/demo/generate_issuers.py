#!/usr/bin/env python3
"""Writes data/demo/issuers.json: the demo issuers, their quality assurance and their DEMO signing keys.

The keys exist only so the demo can show credentials that verify end to end without network access
(did:key issuers). They are public in this repository: never trust them outside the demo.
Needs the `cryptography` package; the output is committed, so only maintainers run this.
"""
import hashlib, json
from pathlib import Path
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data/demo/issuers.json"
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

ISSUERS = [
    ("lakeshore", "Lakeshore Polytechnic", True, "Ontario Ministry of Colleges and Universities (demo)", "Ontario Micro-credentials Framework", "2026-03-15"),
    ("plains", "Northern Plains College", True, "Saskatchewan Post-Secondary Quality Assurance Board (demo)", "Saskatchewan Microcredential Framework", "2025-11-02"),
    ("atlantic", "Atlantic Digital Academy", True, "Maritime Higher Education Quality Council (demo)", "Atlantic Microcredential Quality Framework", "2026-06-20"),
    ("cyberpath", "CyberPath Canada", True, "Industry endorsement: Canadian Cyber Employers Roundtable (demo)", "Cyber Security Workforce Competency Framework", "2026-01-10"),
    ("maplecloud", "Maple Cloud Institute", False, None, None, None),
    ("littoral", "Collège numérique du Littoral", True, "Commission d'évaluation de l'enseignement collégial (demo)", "Cadre québécois des microcertifications", "2025-09-30"),
    ("prairie", "Prairie Trades Training Centre", True, "Alberta Apprenticeship and Industry Training (demo)", "Alberta Micro-credential Framework", "2026-02-28"),
    ("careworks", "CareWorks Health Learning", True, "Ontario Ministry of Colleges and Universities (demo)", "Ontario Micro-credentials Framework", "2025-12-05"),
    ("quickcert", "QuickCert Online", False, None, None, None),  # deliberately left out of the trust registry
]


def base58(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def main():
    issuers = []
    for key, name, trusted, body, framework, review in ISSUERS:
        seed = hashlib.sha256(f"skillsmatch demo issuer {key}".encode()).digest()
        public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        did = "did:key:z" + base58(bytes([0xED, 0x01]) + public)
        issuers.append({
            "key": key, "name": name, "id": did, "inRegistry": key != "quickcert", "trusted": trusted,
            "accreditingBody": body, "framework": framework, "lastReview": review,
            "demoSigningSeedHex": seed.hex(),
        })
    OUT.write_text(json.dumps({"demo": True, "warning": "DEMO KEYS: public, for the demo only; never trust them elsewhere.",
                               "issuers": issuers}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
