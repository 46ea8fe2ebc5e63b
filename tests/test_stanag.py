"""Machine-readable labels: STANAG 4774 labels, STANAG 4778 detached bindings, IC-ISM attributes
(issue 14, item 11). Pure: no database, no Qt."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import stanag
from app.domain.labels import DEFAULT_SCHEME, NATO_SCHEME, Label, Release, combine, marking
from app.domain.stanag import (
    BINDING_NAMESPACE,
    NAMESPACE,
    BindingMismatch,
    Category,
    CategoryType,
    ConfidentialityLabel,
    LabelError,
)
from app.services import bindings

NOW = dt.datetime(2026, 5, 1, 12, 30, 15, tzinfo=dt.UTC)
NS = {"s": NAMESPACE, "mb": BINDING_NAMESPACE, "ds": stanag.DSIG_NAMESPACE}


def element(label: Label, owner: str = "USA", scheme=DEFAULT_SCHEME) -> ET.Element:  # noqa: ANN001
    return ET.fromstring(stanag.label_xml(label, scheme, owner, NOW))


def categories(root: ET.Element) -> dict[tuple[str, str], list[str]]:
    return {
        (c.get("TagName"), c.get("Type")): [v.text for v in c.findall("s:GenericValue", NS)]
        for c in root.findall("s:ConfidentialityInformation/s:Category", NS)
    }


# --- the label as XML ------------------------------------------------------------------------


def test_a_rel_to_label_is_a_4774_label_with_the_list_in_marking_order() -> None:
    root = element(Label(3, Release.REL, frozenset({"JPN", "FVEY", "GBR"})))
    assert root.tag == f"{{{NAMESPACE}}}ConfidentialityLabel"
    information = root.find("s:ConfidentialityInformation", NS)
    assert information is not None
    assert information.findtext("s:PolicyIdentifier", namespaces=NS) == "USA"
    assert information.findtext("s:Classification", namespaces=NS) == "SECRET"
    # the owner first, nations alphabetically, then groups: as SECRET//REL TO USA, GBR, JPN, FVEY
    assert categories(root) == {("Releasable To", "PERMISSIVE"): ["USA", "GBR", "JPN", "FVEY"]}
    assert root.findtext("s:CreationDateTime", namespaces=NS) == "2026-05-01T12:30:15Z"
    # CreationDateTime follows ConfidentialityInformation
    assert [child.tag.split("}")[1] for child in root] == [
        "ConfidentialityInformation",
        "CreationDateTime",
    ]


def test_noforn_is_releasable_to_the_owner_alone_and_no_caveat_has_no_category() -> None:
    assert categories(element(Label(2, Release.NOFORN))) == {
        ("Releasable To", "PERMISSIVE"): ["USA"]
    }
    # REL TO naming only the owner is NOFORN, in the marking and in the label
    assert categories(element(Label(2, Release.REL, frozenset({"GBR"})), owner="GBR")) == {
        ("Releasable To", "PERMISSIVE"): ["GBR"]
    }
    assert categories(element(Label(0))) == {}


def test_need_to_know_restrictive_and_permissive_categories() -> None:
    one = element(Label(2, Release.NOFORN, groups=frozenset({"SOF"})))
    assert categories(one)[("Need To Know", "RESTRICTIVE")] == ["SOF"]  # one group: required
    either = element(Label(2, Release.NOFORN, groups=frozenset({"SOF", "CYBER"})))
    assert categories(either)[("Need To Know One Of", "PERMISSIVE")] == ["CYBER", "SOF"]
    page = combine(
        [
            Label(3, Release.NOFORN, groups=frozenset({"SOF"})),
            Label(2, Release.NOFORN, groups=frozenset({"CYBER"})),
        ],
        "USA",
        {},
    )
    assert categories(element(page))[("Need To Know", "RESTRICTIVE")] == ["CYBER", "SOF"]


def test_other_owners_and_the_nato_scheme() -> None:
    root = element(Label(3, Release.REL, frozenset({"NATO", "EST"})), "GBR", NATO_SCHEME)
    assert root.findtext("s:ConfidentialityInformation/s:PolicyIdentifier", namespaces=NS) == "GBR"
    assert (
        root.findtext("s:ConfidentialityInformation/s:Classification", namespaces=NS)
        == "NATO SECRET"
    )
    assert categories(root) == {("Releasable To", "PERMISSIVE"): ["GBR", "EST", "NATO"]}


def test_nato_information_held_by_a_us_owner() -> None:
    """Issue 14, item 6: the label keeps NATO's level name; its marking is the US form for NATO
    information (``//NATO SECRET``), and IC-ISM names NATO as owner."""
    label = Label(3, Release.REL, frozenset({"GBR"}))
    root = element(label, "USA", NATO_SCHEME)
    assert (
        root.findtext("s:ConfidentialityInformation/s:Classification", namespaces=NS)
        == "NATO SECRET"
    )
    parsed = stanag.parse_label(stanag.label_xml(label, NATO_SCHEME, "USA", NOW))
    assert parsed.marking() == "//NATO SECRET//REL TO USA, GBR"
    assert stanag.ism_attributes(label, "USA", NATO_SCHEME) == {
        "classification": "S",
        "ownerProducer": "NATO",
        "disseminationControls": "REL",
        "releasableTo": "USA GBR",
    }


# --- read back -------------------------------------------------------------------------------


def test_parse_gives_policy_classification_categories_and_the_marking() -> None:
    label = Label(3, Release.REL, frozenset({"JPN", "FVEY"}), frozenset({"SOF"}))
    parsed = stanag.parse_label(stanag.label_xml(label, DEFAULT_SCHEME, "USA", NOW))
    assert parsed.policy == "USA" and parsed.classification == "SECRET"
    assert parsed.categories == (
        Category("Releasable To", CategoryType.PERMISSIVE, ("USA", "JPN", "FVEY")),
        Category("Need To Know", CategoryType.RESTRICTIVE, ("SOF",)),
    )
    assert parsed.created == NOW
    assert parsed.marking() == "SECRET//NTK SOF//REL TO USA, JPN, FVEY"


CODES = ("USA", "GBR", "FRA", "JPN", "EST", "XKS", "FVEY", "NATO")


@st.composite
def any_label(draw: st.DrawFn) -> Label:
    release = draw(st.sampled_from(list(Release)))
    rel_to = (
        draw(st.frozensets(st.sampled_from(CODES), min_size=1, max_size=5))
        if release is Release.REL
        else frozenset()
    )
    return Label(
        draw(st.integers(0, 4)),
        release,
        rel_to,
        draw(st.frozensets(st.sampled_from(("SOF", "CYBER", "ISR")), max_size=3)),
        draw(st.frozensets(st.sampled_from(("SOF", "MED")), max_size=2)),
    )


@settings(max_examples=300, deadline=None)
@given(
    label=any_label(),
    owner=st.sampled_from(("USA", "GBR", "FRA")),
    scheme=st.sampled_from((DEFAULT_SCHEME, NATO_SCHEME)),
)
def test_round_trip_prints_the_same_marking_for_every_label(label, owner, scheme) -> None:  # noqa: ANN001
    """What a program reads from the label is what a person reads on the page."""
    text = stanag.label_xml(label, scheme, owner, NOW)
    parsed = stanag.parse_label(text)
    assert parsed.marking() == marking(label, scheme, owner)
    assert parsed.scheme() is scheme and parsed.policy == owner
    assert parsed.label().need_to_know == label.need_to_know
    binding = stanag.parse_binding(
        stanag.binding_xml(stanag.confidentiality_label(label, scheme, owner, NOW), "f.csv", "x")
    )
    assert binding.label == parsed


def test_a_category_this_program_cannot_print_gives_no_marking() -> None:
    label = ConfidentialityLabel(
        "USA",
        "SECRET",
        (Category("Special Category Designators", CategoryType.RESTRICTIVE, ("ATOMAL",)),),
    )
    text = ET.tostring(stanag.label_element(label), encoding="unicode")
    with pytest.raises(LabelError, match="cannot print"):
        stanag.parse_label(text).marking()
    wrong_type = ConfidentialityLabel(
        "USA", "SECRET", (Category("Releasable To", CategoryType.RESTRICTIVE, ("USA",)),)
    )
    with pytest.raises(LabelError, match="cannot print"):
        wrong_type.marking()
    with pytest.raises(LabelError, match="classification"):
        ConfidentialityLabel("USA", "GEHEIM", ()).marking()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<x/>", "not a STANAG 4774"),
        ("not xml", "well-formed"),
        (f'<ConfidentialityLabel xmlns="{NAMESPACE}"/>', "ConfidentialityInformation"),
        ('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "document type"),
    ],
)
def test_what_is_not_a_label_is_refused(text: str, message: str) -> None:
    with pytest.raises(LabelError, match=message):
        stanag.parse_label(text)


# --- IC-ISM ----------------------------------------------------------------------------------


def test_ism_attributes_under_a_us_owner() -> None:
    rel = Label(3, Release.REL, frozenset({"GBR", "FVEY"}))
    assert stanag.ism_attributes(rel, "USA") == {
        "classification": "S",
        "ownerProducer": "USA",
        "disseminationControls": "REL",
        "releasableTo": "USA GBR FVEY",
    }
    assert stanag.ism_attributes(Label(4, Release.NOFORN), "USA") == {
        "classification": "TS",
        "ownerProducer": "USA",
        "disseminationControls": "NF",
    }
    assert stanag.ism_attributes(Label(2, Release.REL, frozenset({"USA"})), "USA") == {
        "classification": "C",
        "ownerProducer": "USA",
        "disseminationControls": "NF",
    }
    assert stanag.ism_attributes(Label(0), "USA") == {
        "classification": "U",
        "ownerProducer": "USA",
    }
    assert stanag.ism_attributes(rel, "GBR") is None  # IC-ISM is a US standard
    json.dumps(stanag.ism_attributes(rel, "USA"))


# --- STANAG 4778 binding ---------------------------------------------------------------------


def test_binding_holds_the_label_the_file_name_and_its_sha384() -> None:
    label = stanag.confidentiality_label(Label(3, Release.NOFORN), DEFAULT_SCHEME, "USA", NOW)
    data = b"reference,name\nEX-1,One\n"
    document = stanag.binding_xml(label, "people list.csv", stanag.digest(data))
    root = ET.fromstring(document)
    assert root.tag == f"{{{BINDING_NAMESPACE}}}BindingInformation"
    binding = root.find("mb:MetadataBindingContainer/mb:MetadataBinding", NS)
    assert binding is not None
    assert binding.find("mb:Metadata/s:ConfidentialityLabel", NS) is not None
    reference = binding.find("mb:DataReference", NS)
    assert reference is not None and reference.get("URI") == "people%20list.csv"
    assert reference.find("ds:DigestMethod", NS).get("Algorithm") == stanag.SHA384  # type: ignore[union-attr]
    assert reference.findtext("ds:DigestValue", namespaces=NS) == base64.b64encode(
        hashlib.sha384(data).digest()
    ).decode("ascii")
    parsed = stanag.parse_binding(document)
    assert parsed.name == "people list.csv" and parsed.content_type == "text/csv"
    assert parsed.label.marking() == "SECRET//NOFORN"
    stanag.check_binding(parsed, "people list.csv", stanag.digest(data))
    with pytest.raises(BindingMismatch, match="SHA-384 digest differs"):
        stanag.check_binding(parsed, "people list.csv", stanag.digest(data + b" "))
    with pytest.raises(BindingMismatch, match="not 'other.csv'"):
        stanag.check_binding(parsed, "other.csv", stanag.digest(data))


def test_a_label_file_beside_a_file_round_trips_and_finds_a_tampered_one(tmp_path: Path) -> None:
    target = tmp_path / "people.csv"
    target.write_bytes(b"# SECRET//REL TO USA, GBR\nfamily_name\nSmith\n")
    label = Label(3, Release.REL, frozenset({"GBR"}))
    label_file = bindings.bind(target, label, DEFAULT_SCHEME, "USA", NOW)
    assert label_file == tmp_path / "people.csv.label.xml"
    assert stat.S_IMODE(label_file.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.partial"))
    checked = bindings.verify(target)
    assert checked.marking == "SECRET//REL TO USA, GBR" and checked.label_file == label_file
    assert bindings.verify(label_file).file == target  # the label itself names its file
    target.write_bytes(target.read_bytes().replace(b"SECRET", b"UNCLAS"))  # tampered
    with pytest.raises(BindingMismatch, match="changed after it was labelled"):
        bindings.verify(target)
    with pytest.raises(BindingMismatch):
        bindings.verify(label_file)
    target.rename(tmp_path / "renamed.csv")
    with pytest.raises(bindings.BindingMissing, match="not beside it"):
        bindings.verify(label_file)
    with pytest.raises(bindings.BindingMissing, match="has no label"):
        bindings.verify(tmp_path / "renamed.csv")


def test_staged_label_goes_in_place_before_its_file(tmp_path: Path) -> None:
    partial = tmp_path / "report.pdf.partial"
    partial.write_bytes(b"%PDF-1.4 ... %%EOF")
    staged = bindings.stage(
        partial, tmp_path / "report.pdf", Label(2, Release.NOFORN), DEFAULT_SCHEME, "USA", NOW
    )
    assert staged.marking == "CONFIDENTIAL//NOFORN"
    assert not (tmp_path / "report.pdf").exists() and not staged.label.exists()
    staged.place()
    assert (tmp_path / "report.pdf").exists() and staged.label.exists()
    assert not partial.exists() and not staged.partial.exists()
    assert bindings.verify(tmp_path / "report.pdf").binding.content_type == "application/pdf"
