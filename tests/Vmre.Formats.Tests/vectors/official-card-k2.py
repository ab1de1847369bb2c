#!/usr/bin/env python3
"""Makes the VMRE-K2 golden vector (docs/formats/official-card.md v2) with Python's
`cryptography` package, from the page's description only, independently of the C# code.

    python3 official-card-k2.py > official-card-k2-PRES-01.json

The example key is fixed (its scalar is SHA-256 of a label) so the vector can be checked by
anyone; it is an example, never a real card's key. The signature is deterministic (RFC 6979).
"""
import hashlib
import json

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

CREDENTIAL = "PRES-01"
PIN = "482913"
CHALLENGE = bytes(range(0x00, 0x20))
AID = bytes.fromhex("F0564D52454B32")
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551

d = int.from_bytes(hashlib.sha256(b"VMRE-K2 example card PRES-01").digest(), "big") % N
key = ec.derive_private_key(d, ec.SECP256R1())


def statement(verdict: int) -> bytes:
    cid = CREDENTIAL.encode("ascii")
    return b"VMRE-K2\x00" + bytes([verdict]) + CHALLENGE + bytes([len(cid)]) + cid


def sign(data: bytes) -> bytes:
    return key.sign(data, ec.ECDSA(hashes.SHA256(), deterministic_signing=True))


cid = CREDENTIAL.encode("ascii")
accepted, present = statement(0x01), statement(0x10)
sig_accepted, sig_present = sign(accepted), sign(present)
for data, sig in ((accepted, sig_accepted), (present, sig_present)):
    key.public_key().verify(sig, data, ec.ECDSA(hashes.SHA256()))

vector = {
    "credentialId": CREDENTIAL,
    "pin": PIN,
    "challenge": CHALLENGE.hex().upper(),
    "privateKeyPem": key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()).decode(),
    "publicKeyPem": key.public_key().public_bytes(serialization.Encoding.PEM,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo).decode(),
    "selectCommand": ("00A4040007" + AID.hex() + "00").upper(),
    "selectResponse": (bytes([len(cid)]) + cid).hex().upper() + "9000",
    "authenticateCommand": ("80880000" + bytes([32 + len(PIN)]).hex() + CHALLENGE.hex() + PIN.encode().hex() + "00").upper(),
    "authenticateStatement": accepted.hex().upper(),
    "authenticateSignature": sig_accepted.hex().upper(),
    "authenticateResponse": ("01" + sig_accepted.hex() + "9000").upper(),
    "presenceCommand": ("8086000020" + CHALLENGE.hex() + "00").upper(),
    "presenceStatement": present.hex().upper(),
    "presenceSignature": sig_present.hex().upper(),
    "presenceResponse": ("10" + sig_present.hex() + "9000").upper(),
}
print(json.dumps(vector, indent=2))
