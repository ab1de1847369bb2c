#!/usr/bin/env python3
"""Regenerate the refused golden vectors (docs/formats/signed-document.md "One reading").

Each vector is a vmre-signed/1 envelope whose signature is VALID under signer.pub.pem (a test
key, committed on purpose: it signs nothing real) over a payload that the one strict reading
refuses. NAME.signed.json is the envelope, NAME.reason.txt the exact refusal reason.
Run from this folder: python3 generate.py (needs python3-cryptography).
"""
import base64, hashlib, json, pathlib
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

here = pathlib.Path(__file__).parent
vectors = here.parent
key_path = here / "signer.key.pem"
if not key_path.exists():
    key = ec.generate_private_key(ec.SECP256R1())
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
key = serialization.load_pem_private_key(key_path.read_bytes(), None)
spki = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
(here / "signer.pub.pem").write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
key_id = hashlib.sha256(spki).hexdigest()[:16]

def compact(path):
    return json.dumps(json.loads((vectors / path).read_text()), ensure_ascii=False, separators=(",", ":"))

closing = (vectors / "closing-record-v4.payload.json").read_text().rstrip("\n")
config = (vectors / "module-config-v2.payload.json").read_text().rstrip("\n")
acta = compact("acta-v3.json")

def once(text, old, new):
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)

cases = {
    # The example: .NET took the last of duplicate keys (MORENA), a strict outside reader
    # the first (PAN) — one signed record, two counts.
    "duplicate-key-closing-record": ("closing-record", once(closing, '{"key":"PAN","count":1}', '{"key":"PAN","count":1,"key":"MORENA"}'),
        "malformed JSON: duplicate property 'key' at $.contests[0].lines[0].key"),
    "duplicate-key-acta": ("acta", once(acta, '"key":"PAN","label":"Partido Acción Nacional"', '"key":"PAN","key":"MORENA","label":"Partido Acción Nacional"'),
        "malformed JSON: duplicate property 'key' at $.contests[0].lines[0].key"),
    "duplicate-key-module-config": ("module-config", once(config, '"moduleId":"MRV-CHI",', '"moduleId":"MRV-CHI","moduleId":"MRV-DAL",'),
        "malformed JSON: duplicate property 'moduleId' at $.moduleId"),
    "case-variant-acta": ("acta", once(acta, '"moduleId":', '"ModuleId":'),
        "malformed JSON: property 'ModuleId' is a case variant of 'moduleId' at $.ModuleId"),
    "unknown-field-closing-record": ("closing-record", once(closing, '"votesSealed":11,', '"votesSealed":11,"votesCast":12,'),
        "malformed JSON: unknown property 'votesCast' at $.votesCast"),
    "trailing-data-acta": ("acta", acta + '{"format":"vmre-acta/3"}',
        "malformed JSON: trailing data after the document"),
    "number-as-string-closing-record": ("closing-record", once(closing, '"votesSealed":11,', '"votesSealed":"11",'),
        "malformed JSON: number written as a string at $.votesSealed"),
    "trailing-comma-closing-record": ("closing-record", closing[:-1] + ",}",
        "malformed JSON: trailing comma"),
    "comment-closing-record": ("closing-record", once(closing, '"votesSealed":11,', '"votesSealed":11,/* recount */'),
        "malformed JSON: comments are not allowed"),
    "missing-field-closing-record": ("closing-record", once(closing, '"votesSealed":11,', ''),
        "malformed JSON: missing required property 'votesSealed'"),
}

for name, (kind, payload, reason) in cases.items():
    data = payload.encode("utf-8")
    signature = key.sign(data, ec.ECDSA(hashes.SHA256()))
    envelope = {"format": "vmre-signed/1", "kind": kind, "keyId": key_id,
                "payload": base64.b64encode(data).decode(), "signature": base64.b64encode(signature).decode()}
    (here / f"{name}.signed.json").write_text(json.dumps(envelope, separators=(",", ":")))
    (here / f"{name}.reason.txt").write_text(reason + "\n")
print(f"{len(cases)} vectors, key {key_id}")
