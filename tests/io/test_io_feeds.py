"""Two RSS/Atom feeds matched item by item; nothing is fetched."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from xlate.errors import InputError
from xlate.io.feeds import normalise_link, read_feeds
from xlate.model import BadInput, PairInput

FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "inputs" / "feeds"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def _rss(items: str, lang: str = "es") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
        f"<link>https://n.example/{lang}/</link><description>d</description>{items}</channel></rss>"
    )


def _item(title: str, link: str, guid: str | None = None, text: str = "Texto.") -> str:
    guid_xml = f'<guid isPermaLink="false">{guid}</guid>' if guid else ""
    return (
        f"<item><title>{title}</title><link>{link}</link>{guid_xml}<description>{text}</description></item>"
    )


def test_rss_matched_by_guid_and_normalised_link_in_spanish_order() -> None:
    records = list(read_feeds(FEEDS / "rss_es.xml", FEEDS / "rss_en.xml"))
    assert all(isinstance(r, PairInput) for r in records)
    assert [r.origin for r in records] == [
        "https://www.diariodelsur.com/en/economy/2024/05/central-bank-rates/",  # same guid
        "https://www.diariodelsur.com/en/2024/05/12/incendio-forestal/?utm_source=rss",  # /es/ vs /en/, query
        "https://en.diariodelsur.com/2024/05/13/eleccion-rectora/",  # scheme, www, language sub-domain
    ]
    first = records[0]
    assert first.id == "nota-101"
    assert first.source == (
        "El Banco Central sube los tipos al 5,25 %\n\n"
        "El Banco Central subió este jueves los tipos de interés al 5,25 %, su nivel más alto desde 2008.\n\n"
        "La decisión, tomada por unanimidad, busca frenar la inflación."
    )
    assert first.target.startswith("Central Bank raises rates to 5.25%\n\nThe Central Bank on Thursday")
    fire = records[1]
    assert fire.source.endswith(
        "Los bomberos trabajan con seis aviones y dos helicópteros."
    )  # content:encoded
    assert "alert" not in fire.source  # <script> sanitised away


def test_atom_matched_by_declared_hreflang_alternates() -> None:
    records = list(read_feeds(FEEDS / "atom_es.xml", FEEDS / "atom_en.xml"))
    assert [(r.id, r.origin) for r in records] == [
        ("urn:uuid:es-0001", "https://andina.example.org/en/news/peru-drought-emergency"),
        ("urn:uuid:es-0002", "https://andina.example.org/en/news/lima-metro-line-2"),
    ]
    assert records[1].source == (
        "Lima inaugura su segunda línea de metro\n\n"
        "Lima inauguró el martes la Línea 2 del metro.\n\nTransportará a 660.000 pasajeros al día."
    )


def test_mapping_file_takes_precedence(tmp_path: Path) -> None:
    es = tmp_path / "es.xml"
    en = tmp_path / "en.xml"
    es.write_text(
        _rss(_item("Uno", "https://n.example/es/uno", "g1") + _item("Dos", "https://n.example/es/dos", "g2"))
    )
    en.write_text(
        _rss(
            _item("One", "https://n.example/en/uno", "g1") + _item("Two", "https://n.example/en/two", "e2"),
            "en",
        )
    )
    mapping = tmp_path / "map.json"
    # g1 would match by guid, but the mapping sends it elsewhere; "dos" only matches through the map
    mapping.write_text(json.dumps({"g1": "https://n.example/en/two", "https://n.example/es/dos": "g1"}))
    one, two = read_feeds(es, en, mapping)
    assert (one.source.split("\n")[0], one.target.split("\n")[0]) == ("Uno", "Two")
    assert (two.source.split("\n")[0], two.target.split("\n")[0]) == ("Dos", "One")


def test_unmatched_spanish_item_is_a_bad_input(tmp_path: Path) -> None:
    es = tmp_path / "es.xml"
    en = tmp_path / "en.xml"
    es.write_text(_rss(_item("Uno", "https://n.example/es/uno") + _item("Dos", "https://n.example/es/dos")))
    en.write_text(_rss(_item("One", "https://n.example/en/uno/"), "en"))
    good, bad = read_feeds(es, en, languages=("es", "en"))
    assert isinstance(good, PairInput)
    assert isinstance(bad, BadInput)
    assert bad.error == f"{es}: no English item matches https://n.example/es/dos"


def test_feeds_with_no_matching_items() -> None:
    es, en = FEEDS / "rss_es.xml", FEEDS / "atom_en.xml"
    with pytest.raises(InputError) as info:
        list(read_feeds(es, en))
    assert str(info.value) == f"{es} / {en}: no items match between the two feeds"


def test_broken_and_unsafe_feeds(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("this is not a feed at all")
    with pytest.raises(InputError, match=r"broken\.xml: not a valid RSS/Atom feed \(line \d+: .+\)$"):
        list(read_feeds(broken, FEEDS / "rss_en.xml"))
    empty = tmp_path / "empty.xml"
    empty.write_text("")
    with pytest.raises(InputError, match=r"empty\.xml: file is empty"):
        list(read_feeds(FEEDS / "rss_es.xml", empty))
    laughs = tmp_path / "laughs.xml"
    laughs.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        + _rss(_item("&b;", "https://n.example/es/uno")).split("?>", 1)[1]
    )
    with pytest.raises(InputError, match=r"laughs\.xml: XML entity declarations are not allowed"):
        list(read_feeds(laughs, FEEDS / "rss_en.xml"))
    mapping = tmp_path / "map.json"
    mapping.write_text("[1, 2]")
    with pytest.raises(InputError, match=r"map\.json: expected a JSON object"):
        list(read_feeds(FEEDS / "rss_es.xml", FEEDS / "rss_en.xml", mapping))


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.x.com/es/a/b/?utm=1#top", "x.com/a/b"),
        ("http://x.com/en-US/a/b", "x.com/a/b"),
        ("https://en.x.com/a/b/", "x.com/a/b"),
        ("https://english.x.com/a", "x.com/a"),
        ("urn:uuid:1234", None),
        ("nota-101", None),
    ],
)
def test_normalise_link(url: str, key: str | None) -> None:
    assert normalise_link(url) == key
