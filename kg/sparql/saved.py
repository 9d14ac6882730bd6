"""Saved questions (``ontology/queries/*.rq``) and query parameters.

A saved question is a SPARQL file whose comment header says the question in
Chinese and English and names its parameters::

    # zh: 官员X视察过哪些地方，何时？
    # en: Which places did official X visit, and when?
    # param: official  the official's name, e.g. 张三

A *parameter* is a variable that the query declares with an inline
``VALUES ?official { UNDEF }`` block: as written, the variable is unbound and
the question is asked about everyone, so the file runs unchanged on any SPARQL
engine.  ``kg query --param official=张三`` (and :func:`bind_params`) replace
``UNDEF`` by the value, written as an RDF term by :func:`param_term`: a
``YYYY-MM-DD`` date becomes an ``xsd:date``, an integer or decimal a number,
``<IRI>`` or ``prefix:name`` (for a predeclared prefix) an IRI, and anything
else a plain string.

>>> bind_params('SELECT * { VALUES ?who { UNDEF } ?x rdfs:label ?who }', {"who": "张三"})
'SELECT * { VALUES ?who { "张三" } ?x rdfs:label ?who }'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES

_HEADER = re.compile(r"^#\s*(zh|en|param)\s*:\s*(.*?)\s*$")
_PARAM_DECL = r"VALUES\s+\?{name}\s*\{{\s*UNDEF\s*\}}"
_ANY_PARAM = re.compile(r"VALUES\s+\?(\w+)\s*\{\s*UNDEF\s*\}")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


class QueryParamError(ValueError):
    """A parameter that the query does not declare, or a malformed ``NAME=VALUE``."""


@dataclass
class SavedQuery:
    """A saved question.

    Attributes:
        name: File name without ``.rq`` (``posts-of-officials``).
        zh: The question in Chinese.
        en: The question in English.
        params: Parameter names with their descriptions, in header order.
        text: The SPARQL text.
        path: Where the file is.
    """

    name: str
    zh: str
    en: str
    text: str
    path: Path
    params: dict[str, str] = field(default_factory=dict)


def queries_dir() -> Path:
    """The folder of saved questions shipped with the package."""
    return Path(str(resources.files("kg") / "ontology" / "queries"))


def read_saved(path: str | Path) -> SavedQuery:
    """Read one ``.rq`` file with its comment header."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    info: dict[str, str] = {"zh": "", "en": ""}
    params: dict[str, str] = {}
    for line in text.splitlines():
        m = _HEADER.match(line)
        if not m:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = m.groups()
        if key == "param":
            pname, _, desc = value.partition(" ")
            params[pname.lstrip("?")] = desc.strip()
        else:
            info[key] = value
    for pname in declared_params(text):
        params.setdefault(pname, "")
    return SavedQuery(name=path.stem, zh=info["zh"], en=info["en"], text=text, path=path, params=params)


def saved_queries(folder: str | Path | None = None) -> dict[str, SavedQuery]:
    """Every saved question, by name, sorted."""
    folder = Path(folder) if folder else queries_dir()
    return {p.stem: read_saved(p) for p in sorted(folder.glob("*.rq"))}


def get_saved(name: str, folder: str | Path | None = None) -> SavedQuery:
    """The saved question called ``name`` (with or without ``.rq``).

    Raises:
        KeyError: there is no such question; the message lists the known ones.
    """
    name = name.removesuffix(".rq")
    known = saved_queries(folder)
    try:
        return known[name]
    except KeyError:
        raise KeyError(f"no saved question {name!r}; known: {', '.join(known)}") from None


def declared_params(text: str) -> list[str]:
    """Names of the parameters a query declares (``VALUES ?name { UNDEF }``), in order."""
    seen: list[str] = []
    for m in _ANY_PARAM.finditer(text):
        if m.group(1) not in seen:
            seen.append(m.group(1))
    return seen


def param_term(value: str) -> str:
    """A command-line value as an RDF term in SPARQL syntax (see the module docstring)."""
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return str(ox.NamedNode(v[1:-1]))
    prefix, sep, local = v.partition(":")
    if sep and prefix in PREFIXES and re.fullmatch(r"[\w\-.%/]*", local) and not local.startswith("//"):
        return str(ox.NamedNode(PREFIXES[prefix] + local))
    if _DATE.match(v):
        return str(ox.Literal(v, datatype=ox.NamedNode(PREFIXES["xsd"] + "date")))
    if _NUMBER.match(v):
        kind = "decimal" if "." in v else "integer"
        return str(ox.Literal(v, datatype=ox.NamedNode(PREFIXES["xsd"] + kind)))
    return str(ox.Literal(value))


def parse_param(text: str) -> tuple[str, str]:
    """``"name=value"`` to ``(name, value)``.

    Raises:
        QueryParamError: there is no ``=`` or no name.
    """
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not name:
        raise QueryParamError(f"{text!r}: a parameter is NAME=VALUE, e.g. official=张三")
    return name, value


def bind_params(text: str, params: dict[str, str]) -> str:
    """Bind parameters: replace ``UNDEF`` in ``VALUES ?name { UNDEF }`` by each value.

    Raises:
        QueryParamError: the query declares no such parameter.
    """
    for name, value in params.items():
        pattern = re.compile(_PARAM_DECL.format(name=re.escape(name)))
        if not pattern.search(text):
            known = ", ".join(declared_params(text)) or "none"
            raise QueryParamError(f"the query has no parameter {name!r} (declare it with "
                                  f"`VALUES ?{name} {{ UNDEF }}`); its parameters: {known}")
        term = param_term(value)
        text = pattern.sub(lambda m: f"VALUES ?{name} {{ {term} }}", text)
    return text
