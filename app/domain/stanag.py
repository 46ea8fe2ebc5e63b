"""Machine-readable labels: STANAG 4774 confidentiality labels, STANAG 4778 detached bindings
and, under a US owner, IC-ISM attributes (issue 14, item 11; docs/MARKINGS.md).

Pure Python (the standard library's ElementTree and hashlib), no database and no Qt. The label
is written from the same `Label` the banners are printed from, after `labels.marked` (the owning
nation in a REL TO list; REL TO naming only the owner is NOFORN), so what a program reads here
and what a person reads on the page say the same:

- ``ConfidentialityLabel`` (namespace `NAMESPACE`, ADatP-4774 element names): one
  ``ConfidentialityInformation`` with ``PolicyIdentifier`` (the owning nation's code: its
  national policy governs every label of an installation, whichever level names its scheme
  uses), ``Classification`` (the level's full name, as the banner prints it) and ``Category``
  elements (``TagName``, ``Type`` PERMISSIVE or RESTRICTIVE, one ``GenericValue`` per value),
  then ``CreationDateTime`` (UTC, ISO 8601, ``Z``):
  - ``Releasable To`` (PERMISSIVE): the REL TO list in the order the marking prints it (owner
    first, nations, then groups). NOFORN is this category with the owning nation alone: that is
    exactly who may read it, and a reader that knows STANAG 4774 but not the US control enforces
    it as it stands. No caveat: no such category.
  - ``Need To Know`` (RESTRICTIVE): groups a reader must all be in (a single group too).
  - ``Need To Know One Of`` (PERMISSIVE): groups of which one is enough (two or more).
- A detached binding, ``NAME.label.xml`` (namespace `BINDING_NAMESPACE`, ADatP-4778 element
  names): ``BindingInformation`` / ``MetadataBindingContainer`` / ``MetadataBinding`` holding
  ``Metadata`` (the label) and ``DataReference`` (``URI``: the bound file's name,
  percent-encoded; ``xmime:contentType``) with the XML-DSig ``DigestMethod`` (SHA-384) and
  ``DigestValue`` (base64, as XML-DSig writes digests) of the file's bytes. Unsigned: it shows a
  file changed after it was labelled, not one rewritten together with its label by someone set
  on it (that needs the signature of ADatP-4778's cryptographic binding profile and a key).
- `ism_attributes`: ``classification`` (U, R, C, S, TS), ``ownerProducer``,
  ``disseminationControls`` (NF or REL) and ``releasableTo`` (space-separated, marking order).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote, unquote

from app.domain.declassification import Instruction, is_fifty
from app.domain.labels import (
    DEFAULT_SCHEME,
    NATO_SCHEME,
    SCHEMES,
    US_OWNERS,
    Label,
    Release,
    Scheme,
    marked,
    marking,
    releasability_text,
)

NAMESPACE = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0"
BINDING_NAMESPACE = "urn:nato:stanag:4778:bindinginformation:1:0"
DSIG_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#"
XMIME_NAMESPACE = "http://www.w3.org/2005/05/xmlmime"
# RFC 6931 (XML security algorithm identifiers): SHA-384 as an XML-DSig DigestMethod
SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384"
LABEL_SUFFIX = ".label.xml"

RELEASABLE_TO = "Releasable To"
NEED_TO_KNOW = "Need To Know"
NEED_TO_KNOW_ONE_OF = "Need To Know One Of"

# the prefixes a binding is written with (ElementTree keeps them process-wide, by URI)
for _prefix, _uri in (
    ("slab", NAMESPACE),
    ("mb", BINDING_NAMESPACE),
    ("ds", DSIG_NAMESPACE),
    ("xmime", XMIME_NAMESPACE),
):
    ET.register_namespace(_prefix, _uri)

CONTENT_TYPES = {
    ".csv": "text/csv",
    ".json": "application/json",
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# a binding or label larger than this is not one this program wrote
MAX_LABEL_BYTES = 1 << 20


class LabelError(ValueError):
    """A label or binding that cannot be read, or that a program must not trust."""


class BindingMismatch(LabelError):
    """A binding that does not bind this file: another name, or another digest."""


class CategoryType(StrEnum):
    """How a category's values combine (ADatP-4774): a reader needs one permissive value, every
    restrictive one; informative ones grant nothing."""

    PERMISSIVE = "PERMISSIVE"
    RESTRICTIVE = "RESTRICTIVE"
    INFORMATIVE = "INFORMATIVE"


@dataclass(frozen=True)
class Category:
    """One ``Category`` of a label: its ``TagName``, ``Type`` and ``GenericValue``s in order."""

    tag_name: str
    type: CategoryType
    values: tuple[str, ...]


@dataclass(frozen=True)
class ConfidentialityLabel:
    """A STANAG 4774 confidentiality label as written or read: policy, classification, categories
    and creation time."""

    policy: str
    classification: str
    categories: tuple[Category, ...]
    created: dt.datetime | None = None

    def scheme(self) -> Scheme:
        """The scheme whose level names hold the classification; `LabelError` if none does."""
        for scheme in SCHEMES.values():
            if self.classification in scheme.names:
                return scheme
        raise LabelError(f"the label's classification {self.classification!r} is not one we know")

    def label(self) -> Label:
        """The `Label` this confidentiality label says (need-to-know as `Label.need_to_know`
        normalises it). `LabelError` for a category this program does not write: a marking
        without it would say less than the label, so none is given."""
        level = self.scheme().names.index(self.classification)
        release, rel_to = Release.ALL, frozenset[str]()
        needs, groups = frozenset[str](), frozenset[str]()
        seen: set[str] = set()
        for category in self.categories:
            if category.tag_name in seen:
                raise LabelError(f"the label has the category {category.tag_name!r} twice")
            seen.add(category.tag_name)
            known = {
                RELEASABLE_TO: CategoryType.PERMISSIVE,
                NEED_TO_KNOW: CategoryType.RESTRICTIVE,
                NEED_TO_KNOW_ONE_OF: CategoryType.PERMISSIVE,
            }.get(category.tag_name)
            if known is None or known is not category.type:
                raise LabelError(
                    f"the label has a category this program cannot print "
                    f"({category.tag_name!r}, {category.type}); no marking is shown for it"
                )
            if not category.values:
                raise LabelError(f"the label's category {category.tag_name!r} has no values")
            values = frozenset(category.values)
            if category.tag_name == RELEASABLE_TO:
                release, rel_to = Release.REL, frozenset(v.upper() for v in values)
            elif category.tag_name == NEED_TO_KNOW:
                needs = values
            else:
                groups = values
        if not self.policy:
            raise LabelError("the label names no policy (the owning nation)")
        return Label(level, release, rel_to, groups, needs)

    def marking(self) -> str:
        """The banner marking this label prints as, e.g. ``SECRET//REL TO USA, GBR``."""
        return marking(self.label(), self.scheme(), self.policy)


def release_order(label: Label, owner: str) -> tuple[str, ...]:
    """The codes of a REL TO label in the order its marking prints them."""
    text = releasability_text(label.with_owner(owner).rel_to, owner)
    return tuple(text.removeprefix("REL TO ").split(", "))


def utc_now() -> dt.datetime:
    """Now in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def confidentiality_label(
    label: Label, scheme: Scheme, owner: str, now: dt.datetime | None = None
) -> ConfidentialityLabel:
    """The STANAG 4774 label of ``label`` (as its marking prints it) in this installation."""
    label = marked(label, owner)
    categories: list[Category] = []
    if label.release is Release.REL:
        categories.append(
            Category(RELEASABLE_TO, CategoryType.PERMISSIVE, release_order(label, owner))
        )
    elif label.release is Release.NOFORN:
        categories.append(Category(RELEASABLE_TO, CategoryType.PERMISSIVE, (owner,)))
    needs, groups = label.need_to_know
    if needs:
        categories.append(Category(NEED_TO_KNOW, CategoryType.RESTRICTIVE, tuple(sorted(needs))))
    if groups:
        categories.append(
            Category(NEED_TO_KNOW_ONE_OF, CategoryType.PERMISSIVE, tuple(sorted(groups)))
        )
    created = (now or utc_now()).astimezone(dt.UTC).replace(microsecond=0)
    return ConfidentialityLabel(owner, scheme.name(label.level), tuple(categories), created)


def _q(name: str, namespace: str = NAMESPACE) -> str:
    return f"{{{namespace}}}{name}"


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def label_element(label: ConfidentialityLabel) -> ET.Element:
    """The ``ConfidentialityLabel`` element of a label."""
    root = ET.Element(_q("ConfidentialityLabel"))
    information = ET.SubElement(root, _q("ConfidentialityInformation"))
    ET.SubElement(information, _q("PolicyIdentifier")).text = label.policy
    ET.SubElement(information, _q("Classification")).text = label.classification
    for category in label.categories:
        element = ET.SubElement(
            information,
            _q("Category"),
            {"TagName": category.tag_name, "Type": str(category.type)},
        )
        for value in category.values:
            ET.SubElement(element, _q("GenericValue")).text = value
    if label.created is not None:
        ET.SubElement(root, _q("CreationDateTime")).text = _iso(label.created)
    return root


def label_xml(label: Label, scheme: Scheme, owner: str, now: dt.datetime | None = None) -> str:
    """The STANAG 4774 label of ``label`` as one line of XML (no declaration): the form a JSON
    export gives each record."""
    element = label_element(confidentiality_label(label, scheme, owner, now))
    return ET.tostring(element, encoding="unicode")


def _parse_xml(data: str | bytes) -> ET.Element:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_LABEL_BYTES:
        raise LabelError("the label is too large to be one this program wrote")
    if re.search(rb"<!(DOCTYPE|ENTITY)", raw, re.IGNORECASE):
        raise LabelError("the label holds a document type declaration; labels never do")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as error:
        raise LabelError(f"the label is not well-formed XML ({error})") from None


def _text(parent: ET.Element, name: str, namespace: str = NAMESPACE) -> str:
    found = parent.find(_q(name, namespace))
    if found is None or not (found.text or "").strip():
        raise LabelError(f"the label has no {name}")
    return (found.text or "").strip()


def read_label(element: ET.Element) -> ConfidentialityLabel:
    """A `ConfidentialityLabel` from its element (``ConfidentialityLabel``, or the
    ``originatorConfidentialityLabel`` some bindings use)."""
    if element.tag not in (
        _q("ConfidentialityLabel"),
        _q("OriginatorConfidentialityLabel"),
        _q("originatorConfidentialityLabel"),
    ):
        raise LabelError(f"not a STANAG 4774 confidentiality label (root {element.tag})")
    information = element.find(_q("ConfidentialityInformation"))
    if information is None:
        raise LabelError("the label has no ConfidentialityInformation")
    categories = []
    for category in information.findall(_q("Category")):
        try:
            kind = CategoryType(category.get("Type", ""))
        except ValueError:
            raise LabelError(
                f"the label's category {category.get('TagName')!r} has no known Type"
            ) from None
        values = tuple((value.text or "").strip() for value in category.findall(_q("GenericValue")))
        categories.append(Category(category.get("TagName", ""), kind, values))
    created_text = element.findtext(_q("CreationDateTime"))
    created = None
    if created_text:
        try:
            created = dt.datetime.fromisoformat(created_text.strip())
        except ValueError:
            raise LabelError(f"the label's CreationDateTime {created_text!r} is no time") from None
    return ConfidentialityLabel(
        _text(information, "PolicyIdentifier"),
        _text(information, "Classification"),
        tuple(categories),
        created,
    )


def parse_label(data: str | bytes) -> ConfidentialityLabel:
    """Read a STANAG 4774 label's XML; `LabelError` if it is not one."""
    return read_label(_parse_xml(data))


# --- IC-ISM --------------------------------------------------------------------------------


def ism_attributes(
    label: Label, owner: str, scheme: Scheme = DEFAULT_SCHEME
) -> dict[str, str] | None:
    """IC-ISM attributes of a label under a US owner, else None: ``classification`` the ISM
    abbreviation of the level (U, C, S, TS; R only for NATO RESTRICTED, non-US information:
    a US owner has no RESTRICTED of its own, `labels.level_refused`),
    ``ownerProducer`` the owner, ``disseminationControls`` NF or REL (absent with no caveat),
    ``releasableTo`` the REL TO list space-separated in the marking's order. A NATO-scheme level
    maps to the same rank (NATO SECRET: S), and its ``ownerProducer`` is NATO: NATO
    information held by the US (issue 14, item 6). Need-to-know groups have no ISM attribute
    here."""
    if owner not in US_OWNERS:
        return None
    label = marked(label, owner)
    attributes = {
        "classification": DEFAULT_SCHEME.abbreviation(label.level),
        "ownerProducer": "NATO" if scheme.key == NATO_SCHEME.key else owner,
    }
    if label.release is Release.NOFORN:
        attributes["disseminationControls"] = "NF"
    elif label.release is Release.REL:
        attributes["disseminationControls"] = "REL"
        attributes["releasableTo"] = " ".join(release_order(label, owner))
    return attributes


# --- STANAG 4778 detached binding ----------------------------------------------------------


def digest(data: bytes) -> str:
    """The SHA-384 digest of ``data``, base64 (as XML-DSig's DigestValue)."""
    return base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def digest_chunks(chunks: Iterable[bytes]) -> str:
    """`digest` of data given in pieces (a file read a block at a time)."""
    hasher = hashlib.sha384()
    for chunk in chunks:
        hasher.update(chunk)
    return base64.b64encode(hasher.digest()).decode("ascii")


@dataclass(frozen=True)
class Binding:
    """What a detached binding says: the label, the bound file's name, its digest (base64
    SHA-384) and content type."""

    label: ConfidentialityLabel
    name: str
    digest: str
    content_type: str = ""


def content_type(name: str) -> str:
    """The media type a binding states for a file name."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return CONTENT_TYPES.get(suffix, "application/octet-stream")


def binding_xml(label: ConfidentialityLabel, name: str, digest_value: str) -> bytes:
    """The ``NAME.label.xml`` document binding ``label`` to the file ``name`` whose SHA-384
    digest (base64) is ``digest_value``."""
    root = ET.Element(_q("BindingInformation", BINDING_NAMESPACE))
    container = ET.SubElement(root, _q("MetadataBindingContainer", BINDING_NAMESPACE))
    binding = ET.SubElement(container, _q("MetadataBinding", BINDING_NAMESPACE))
    metadata = ET.SubElement(binding, _q("Metadata", BINDING_NAMESPACE))
    metadata.append(label_element(label))
    reference = ET.SubElement(
        binding,
        _q("DataReference", BINDING_NAMESPACE),
        {"URI": quote(name, safe=""), _q("contentType", XMIME_NAMESPACE): content_type(name)},
    )
    ET.SubElement(reference, _q("DigestMethod", DSIG_NAMESPACE), {"Algorithm": SHA384})
    ET.SubElement(reference, _q("DigestValue", DSIG_NAMESPACE)).text = digest_value
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def parse_binding(data: str | bytes) -> Binding:
    """Read a ``NAME.label.xml`` binding; `LabelError` if it is not one this program can check
    (no label, no file name, no SHA-384 digest)."""
    root = _parse_xml(data)
    if root.tag != _q("BindingInformation", BINDING_NAMESPACE):
        raise LabelError(f"not a STANAG 4778 binding (root {root.tag})")
    path = f"{_q('MetadataBindingContainer', BINDING_NAMESPACE)}/" + _q(
        "MetadataBinding", BINDING_NAMESPACE
    )
    bindings = root.findall(path)
    if len(bindings) != 1:
        raise LabelError(f"the binding holds {len(bindings)} metadata bindings, not one")
    [binding] = bindings
    metadata = binding.find(_q("Metadata", BINDING_NAMESPACE))
    labels = [] if metadata is None else list(metadata)
    if len(labels) != 1:
        raise LabelError("the binding's Metadata holds no single confidentiality label")
    references = binding.findall(_q("DataReference", BINDING_NAMESPACE))
    if len(references) != 1 or not references[0].get("URI"):
        raise LabelError("the binding names no single file (DataReference URI)")
    [reference] = references
    method = reference.find(_q("DigestMethod", DSIG_NAMESPACE))
    if method is None or method.get("Algorithm") != SHA384:
        raise LabelError("the binding holds no SHA-384 digest of the file")
    return Binding(
        read_label(labels[0]),
        unquote(reference.get("URI", "")),
        _text(reference, "DigestValue", DSIG_NAMESPACE),
        reference.get(_q("contentType", XMIME_NAMESPACE), ""),
    )


def check_binding(binding: Binding, name: str, digest_value: str) -> None:
    """`BindingMismatch` unless ``binding`` binds the file ``name`` with this digest (base64
    SHA-384 of its bytes, `digest`)."""
    if binding.name != name:
        raise BindingMismatch(
            f"the label binds a file named {binding.name!r}, not {name!r}: it is not this file's "
            "label"
        )
    if not hmac.compare_digest(binding.digest.encode(), digest_value.encode()):
        raise BindingMismatch(
            f"{name} does not match its label: its SHA-384 digest differs from the one the label "
            "binds, so the file was changed after it was labelled (or the label is another "
            "file's); do not rely on the marking"
        )


__all__ = [
    "BINDING_NAMESPACE",
    "LABEL_SUFFIX",
    "NAMESPACE",
    "Binding",
    "BindingMismatch",
    "Category",
    "CategoryType",
    "ConfidentialityLabel",
    "LabelError",
    "binding_xml",
    "check_binding",
    "confidentiality_label",
    "digest",
    "digest_chunks",
    "ism_attributes",
    "label_xml",
    "parse_binding",
    "parse_label",
]


def ism_declassification(instruction: Instruction) -> dict[str, str]:
    """IC-ISM's declassification attributes of a classified record's instruction
    (`declassification.instruction`): ``declassException`` (its exemptions, space-separated),
    ``declassEvent`` or else ``declassDate`` (YYYY-MM-DD); a 50X exemption alone has neither."""
    attributes: dict[str, str] = {}
    if instruction.exemptions:
        attributes["declassException"] = " ".join(instruction.exemptions)
    if any(is_fifty(e) for e in instruction.exemptions):
        return attributes
    if instruction.event:
        attributes["declassEvent"] = instruction.event
    else:
        attributes["declassDate"] = instruction.until.isoformat()
    return attributes
