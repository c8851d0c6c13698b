"""Masking a provider's answers so that they can be kept: same shape, no personal value.

A `Masker` rewrites one provider's requests and answers, led by its spec:

- Credential values (the client's, and the spec's credential parameters) are replaced
  wherever they appear: path, query, body, and inside any string (Plivo's ``meta.next``).
- Phone numbers (the fields the item mapping reads as ``number``, and any string that
  is a whole phone number) become fake numbers of the same form: E.164 stays E.164 with
  the same country calling code and length, digits stay digits. A fictional range is
  used where phonenumbers knows one for the country; otherwise a valid number of the
  same region and type.
- Other strings (ids, names, free text, cursors) keep their shape: the same length, the
  same character classes, the same prefix (``phon_``), hexadecimal stays hexadecimal, so
  a uuid stays a uuid; a value the spec's pattern accepts stays accepted.
- What is kept exactly: JSON types, keys, nulls, booleans and numbers (other than mapped
  numbers and ids), field presence, every value the spec enumerates (``enum``, ``const``,
  the item mapping's ``values``), the fields the mapping reads as type, status, country,
  capabilities, price and time, and strings in a date, time or decimal-price format.

The mapping is an HMAC of each value under a random key made per `Fakes` (one per
corpus) and never written anywhere: the same real value maps to the same fake one within
a corpus, and nothing in a corpus leads back to the original.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import phonenumbers
from numberhub_spec import Spec

__all__ = ["Fakes", "Masker"]

_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$"
)
_DECIMAL = re.compile(r"^-?\d+\.\d+$")
_NUMERIC = re.compile(r"^[\d.,\s]*$")
_WHOLE_NUMBER = re.compile(r"^\+?\d{8,15}$")
_PREFIX = re.compile(r"^[A-Za-z]{1,8}_")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_URL_TOKEN = re.compile(r"[^/?&=#:.,;]+")
_KNOWN = "Known values:"
_CODE = re.compile(r"^[A-Z]{2,3}$")
_KEEP_FORMATS = frozenset({"date", "date-time", "time", "duration"})
_URL_FORMATS = frozenset({"uri", "uri-reference", "url", "iri", "iri-reference"})
_TRIES = 64
# Numbers reserved for fiction, by region: a national significant number with x for the
# digits to draw (Ofcom's drama ranges, NANP's 555-01XX).
_FICTIONAL = {
    "US": "xxx55501xx",
    "CA": "xxx55501xx",
    "GB": "2079460xxx",
}


class Fakes:
    """The secret key of one corpus and the fakes handed out so far (one-to-one)."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key if key is not None else secrets.token_bytes(32)
        self._phones: dict[str, str] = {}
        self._taken: set[str] = set()

    def stream(self, value: str, counter: int = 0) -> Iterator[int]:
        """Pseudo-random bytes for ``value`` (the same for the same value, key and counter)."""
        block = 0
        while True:
            msg = f"{counter}:{block}:{value}".encode()
            yield from hmac.new(self._key, msg, hashlib.sha256).digest()
            block += 1

    def shape(self, value: str, counter: int = 0, keep: int = 0) -> str:
        """``value`` with each letter and digit replaced by one of the same class.

        The first ``keep`` characters, a short ``prefix_`` and everything but letters and
        digits stay; a hexadecimal token stays hexadecimal, a uuid keeps its version
        and variant characters.
        """
        prefix = _PREFIX.match(value)
        keep = max(keep, prefix.end() if prefix else 0)
        hexa = all(c in "0123456789abcdefABCDEF" for c in value[keep:] if c.isalnum())
        fixed = {14, 19} if _UUID.match(value) else set()
        rand = self.stream(value, counter)
        out = []
        for i, c in enumerate(value):
            if i < keep or i in fixed or not c.isascii() or not c.isalnum():
                out.append(c)
            elif c.isdigit():
                out.append(str(next(rand) % 10))
            elif hexa:
                letters = "abcdef" if c.islower() else "ABCDEF"
                out.append(letters[next(rand) % 6])
            else:
                out.append(chr((ord("a") if c.islower() else ord("A")) + next(rand) % 26))
        fake = "".join(out)
        if fake == value and counter < 8 and any(c.isalnum() for c in value[keep:]):
            return self.shape(value, counter + 1, keep)  # a short value drew itself
        return fake

    def phone(self, value: str) -> str:
        """A fake number for ``value`` (E.164 or its digits), of the same form.

        Same country calling code and length; a fictional number where one is known for
        the region, else a valid one of the same region and type when one can be drawn.
        A value that is not a phone number gets `shape`.
        """
        done = self._phones.get(value)
        if done is not None:
            return done
        plus = value.startswith("+")
        try:
            real = phonenumbers.parse(value if plus else "+" + value)
        except phonenumbers.NumberParseException:
            return self.shape(value)
        national = phonenumbers.national_significant_number(real)
        code = str(real.country_code)
        if len(code) + len(national) != len(value) - plus:
            return self.shape(value)  # leading zeros or other forms: keep the shape only
        fake = self._draw(value, real, national) or self.shape(value, keep=len(code) + plus)
        self._phones[value] = fake
        self._taken.add(fake.lstrip("+"))
        return fake

    def _draw(self, value: str, real: phonenumbers.PhoneNumber, national: str) -> str | None:
        region = phonenumbers.region_code_for_number(real)
        kind = phonenumbers.number_type(real)
        code = str(real.country_code)
        example = phonenumbers.example_number_for_type(region, kind) if region else None
        base = phonenumbers.national_significant_number(example) if example else national
        template = _FICTIONAL.get(region or "")
        for counter in range(_TRIES):
            rand = self.stream(value, counter + 1)
            if template is not None and len(template) == len(national) and counter < _TRIES // 2:
                nsn = "".join(str(next(rand) % 10) if t == "x" else t for t in template)
                nsn = str(2 + next(rand) % 8) + nsn[1:]  # NANP area codes start 2..9
                if region == "GB":
                    nsn = template.replace("xxx", nsn[-3:])
            else:
                stem = base if len(base) == len(national) else national
                keep = max(1, len(stem) - 6)
                nsn = stem[:keep] + "".join(str(next(rand) % 10) for _ in stem[keep:])
            digits = code + nsn
            if digits == value.lstrip("+") or digits in self._taken:
                continue
            candidate = phonenumbers.parse("+" + digits)
            same_region = phonenumbers.region_code_for_number(candidate) == region
            if (
                phonenumbers.is_valid_number(candidate)
                and same_region
                and (phonenumbers.number_type(candidate) == kind or counter >= _TRIES // 2)
            ):
                return ("+" if value.startswith("+") else "") + digits
        return None


def _schema_parts(spec: Spec, schema: Any) -> list[Mapping[str, Any]]:
    """``schema`` and its ``allOf``/``anyOf``/``oneOf`` branches, ``$ref`` followed."""
    out: list[Mapping[str, Any]] = []
    todo = [schema]
    while todo and len(out) < 64:
        node = spec.resolve(todo.pop())
        if not isinstance(node, Mapping):
            continue
        out.append(node)
        for key in ("allOf", "anyOf", "oneOf"):
            todo.extend(node.get(key) or ())
    return out


def _types(part: Mapping[str, Any]) -> list[str]:
    kind = part.get("type")
    return [kind] if isinstance(kind, str) else [t for t in kind or () if t != "null"]


def _vocabulary(node: Any, out: set[str]) -> set[str]:
    """Every string a spec enumerates (``enum``, ``const``, open enums), lower-cased."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == "enum" and isinstance(value, list):
                out.update(v.lower() for v in value if isinstance(v, str))
            elif key == "const" and isinstance(value, str):
                out.add(value.lower())
            elif key == "description" and isinstance(value, str) and _KNOWN in value:
                # An open enum (specs/README.md): "Open enum. Known values: a, b."
                listed = re.split(r"\.(\s|$)|\(", value.split(_KNOWN, 1)[1])[0]
                out.update(v.strip().lower() for v in listed.split(",") if v.strip())
            else:
                _vocabulary(value, out)
    elif isinstance(node, list):
        for value in node:
            _vocabulary(value, out)
    return out


class Masker:
    """Masks one provider's requests and answers (see the module docstring).

    Args:
        spec: The provider's spec.
        fakes: The corpus's key and fakes (shared by every provider of one corpus).
        secrets: Credential values to take out wherever they appear.
    """

    def __init__(self, spec: Spec, fakes: Fakes, secrets: Iterable[str] = ()) -> None:
        self.spec = spec
        self.fakes = fakes
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)
        vocabulary = _vocabulary(spec.document, set())
        mapped: dict[str, str] = {}
        for name, fields in spec.item.fields.items():
            kind = "id" if name == "id" else "keep"
            for field in fields:
                mapped.setdefault(field, kind)
        for rule in spec.item.number:  # the number's own paths; its region stays as it is
            mapped.update(dict.fromkeys((p.dotted for p in rule.paths), "phone"))
            for region in rule.region:
                mapped.update(dict.fromkeys(region.fields, "keep"))
        for rules in (spec.item.type, spec.item.status):
            for rule in rules:
                vocabulary.update(k.lower() for k in (rule.values or {}))
        self.vocabulary = frozenset(vocabulary)
        self._params = {p.name: p for p in spec.operation.parameters}
        self._credential_fakes: set[str] = set()
        self._secret_schema = [
            part
            for p in spec.operation.parameters
            if p.credential or p.tenant_of
            for part in _schema_parts(spec, p.schema)
        ]
        self.mapped = mapped
        self.results = {plan.results.keys for plan in spec.plans.values()}

    def _secret(self, value: str) -> str:
        for secret in self.secrets:
            if secret in value:
                value = value.replace(secret, self.credential(secret))
        return value

    def credential(self, value: str) -> str:
        """The fake of a credential (or tenant) value: one per value, whatever its place."""
        fake = self._shaped(value, self._secret_schema)
        self._credential_fakes.add(fake)
        return fake

    def _shaped(self, value: str, schema: list[Mapping[str, Any]] | None) -> str:
        """`Fakes.shape`, keeping as many leading characters as the schema's pattern needs."""
        patterns = [re.compile(p["pattern"]) for p in schema or () if "pattern" in p]
        fits = [bool(p.search(value)) for p in patterns]
        for keep in range(len(value) + 1):
            fake = self.fakes.shape(value, keep=keep)
            if [bool(p.search(fake)) for p in patterns] == fits:
                return fake
        return fake

    def string(self, value: str, schema: Any = None, field: str | None = None) -> str:
        """One string of an answer or request, masked by what the spec says it is."""
        parts = _schema_parts(self.spec, schema) if schema is not None else []
        kind = self.mapped.get(field) if field is not None else None
        if any(value == s for s in self.secrets):
            return self.credential(value)
        value = self._secret(value)
        if kind == "phone":
            return self.fakes.phone(value)
        enumerated = any(value in (p.get("enum") or ()) or value == p.get("const") for p in parts)
        if kind == "keep" or enumerated or value.lower() in self.vocabulary:
            return value
        formats = {p.get("format") for p in parts}
        if formats & _KEEP_FORMATS or any(r.match(value) for r in (_DATE_TIME, _DECIMAL, _CODE)):
            return value
        if formats & _URL_FORMATS or value.startswith(("/", "http://", "https://")):
            return self.url(value)
        if _WHOLE_NUMBER.match(value):
            return self.fakes.phone(value)
        return self._shaped(value, parts)

    def query(self, name: str, value: str) -> str:
        """One query parameter's value: numbers and booleans the spec declares are kept."""
        param = self._params.get(name)
        if param is None:
            return self.string(value)
        parts = _schema_parts(self.spec, param.schema)
        types = {t for p in parts for t in _types(p)}
        if types and types <= {"integer", "number", "boolean"}:
            return value
        if param.credential or param.tenant_of:
            return self.credential(value)
        return self.string(value, param.schema)

    def header(self, name: str, value: str) -> str:
        """A kept answer header: media types and numbers stay, links are masked as links."""
        if name == "content-type" or _NUMERIC.match(value):
            return value
        return self.url(value) if name == "link" else self.string(value)

    def path(self, path: str) -> str:
        """A request path: the operation's literal segments stay, its parameters are masked."""
        parts, template = path.split("/"), self.spec.operation.path.split("/")
        if len(parts) != len(template):
            return self.url(path)
        out = []
        for part, want in zip(parts, template, strict=True):
            if want.startswith("{") and want.endswith("}"):
                out.append(self.query(want[1:-1], part))
            elif part == want:
                out.append(part)
            else:
                return self.url(path)
        return "/".join(out)

    def url(self, value: str) -> str:
        """A link with its credentials, ids and numbers masked, its structure kept."""
        value = self._secret(value)

        def token(m: re.Match[str]) -> str:
            text = m.group()
            if text in self._credential_fakes:
                return text
            if len(text) >= 16 or (len(text) >= 6 and any(c.isdigit() for c in text)):
                return (
                    self.fakes.phone(text) if _WHOLE_NUMBER.match(text) else self._shaped(text, [])
                )
            return text

        head, sep, rest = value.partition("://")
        if sep:
            host, slash, path = rest.partition("/")
            return head + sep + host + slash + _URL_TOKEN.sub(token, path)
        return _URL_TOKEN.sub(token, value)

    def value(self, value: Any, schema: Any = None, field: str | None = None) -> Any:
        """Any JSON value, walked with its schema; ``field`` is its path within an item."""
        if isinstance(value, str):
            return self.string(value, schema, field)
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int | float):
            kind = self.mapped.get(field) if field is not None else None
            if kind in ("phone", "id") and isinstance(value, int) and value > 0:
                digits = str(value)
                fake = self.fakes.phone(digits) if kind == "phone" else self.fakes.shape(digits)
                fake = fake.lstrip("+")
                return int(fake) if fake.isdigit() and fake[0] != "0" else int("1" + fake[1:])
            return value
        parts = _schema_parts(self.spec, schema) if schema is not None else []
        if isinstance(value, list):
            items = next((p["items"] for p in parts if "items" in p), None)
            return [self.value(v, items, field) for v in value]
        if isinstance(value, dict):
            props: dict[str, Any] = {}
            for part in parts:
                props.update(part.get("properties") or {})
            out = {}
            for key, sub in value.items():
                inner = f"{field}.{key}" if field is not None else None
                out[key] = self.value(sub, props.get(key), inner)
            return out
        return value

    def answer(self, status: int, body: Any) -> Any:
        """A decoded answer body, masked with the schema the spec gives its status."""
        responses = self.spec.operation.responses
        for key in (str(status), f"{str(status)[0]}XX", "default"):
            if key in responses:
                return self.body(body, responses[key].schema)
        return self.body(body, None)

    def body(self, body: Any, schema: Any) -> Any:
        """A page (or error body): items are masked with their fields' mapping."""
        return self._page(body, schema, ())

    def _page(self, body: Any, schema: Any, at: tuple[str, ...]) -> Any:
        if at in self.results and isinstance(body, list):
            parts = _schema_parts(self.spec, schema)
            items = next((p["items"] for p in parts if "items" in p), None)
            return [self._item(item, items) for item in body]
        if not isinstance(body, dict):
            return self.value(body, schema)
        props: dict[str, Any] = {}
        for part in _schema_parts(self.spec, schema):
            props.update(part.get("properties") or {})
        return {k: self._page(v, props.get(k), (*at, k)) for k, v in body.items()}

    def _item(self, item: Any, schema: Any) -> Any:
        if not isinstance(item, dict):
            return self.value(item, schema)
        props: dict[str, Any] = {}
        for part in _schema_parts(self.spec, schema):
            props.update(part.get("properties") or {})
        return {k: self.value(v, props.get(k), k) for k, v in item.items()}
