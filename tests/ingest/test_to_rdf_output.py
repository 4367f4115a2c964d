"""The triples the records→RDF step writes, pinned: a faster writer must write exactly these.

For the seed (text export and PDF) and a few generated dev-set documents, the sorted N-Triples of
`records_to_content` and of `ExtractedDocument.to_graph` (at a fixed time) are held as SHA-256
digests (`EXPECTED`). The N-Triples are rdflib's own serialisation of the returned graphs, so the
digests do not depend on the writer under test. A contribution literal (`sg:contributed`) enters
the digest as the digest of the N-Triples it unpacks to: what zlib makes of them may differ between
zlib builds; that the literal packs exactly rdflib's sorted N-Triples is checked on its own.

When a change to extraction (not to the RDF writer) deliberately changes what a document yields,
print the new digests with `python -m tests.ingest.test_to_rdf_output` and replace `EXPECTED`.
"""
from __future__ import annotations

import base64
import hashlib
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from styrgraf.ingest.pipeline import ExtractedDocument, extract_path
from styrgraf.ingest.to_rdf import (
    PACKING_LEVEL, SourceMeta, content_ntriples, decode_content, encode_content, records_to_content,
)
from styrgraf.ontology import terms
from styrgraf.ontology.terms import DEFAULT_BASE_IRI, SG
from tests.ingest.devset.build import dev_specs
from tests.ingest.devset.render import write_document

ROOT = Path(__file__).resolve().parents[2]
AT = datetime(2024, 5, 17, 9, 30, tzinfo=timezone.utc)
OTHER_RENDITION = SourceMeta("andra.txt", "ab" * 32, 1234, "text/plain")
# Dev-set documents of each kind, in text styles and PDF layouts (indices into `dev_specs()`).
DEV = (0, 1, 4, 6, 13, 18, 22, 25)

# name -> (triples, digest) of the contribution, of the graph, of the graph with another rendition listed
EXPECTED = {
    'seed-text': (
        (9050, '2a9c1aaf131f9a9c68a01b3b6214833f6e7026974bb72edc40712b10f7f77208'),
        (9076, 'c7d1be5005398361b927a4d1a8a26fa67fe0ff1690bb0add6b6d830d41d662b0'),
        (9084, '31e9e90a829c178b1b76cc7f164d624894b8433bafdacd05d5657d830a61b68e'),
    ),
    'seed-pdf': (
        (7447, '1740aff56246d38fb830608c7d69360f61fcf51442f6c0f46f66f03403de2122'),
        (7473, 'e7591a06af5dd1d0e0ecb76e9d96dd19182b036fdc618eaa1809fbec2c0c3cca'),
        (7481, 'd004b9685abea82bdf27e49b8bb6ec663e1fbb087cfdfd24e8fed11fe1494563'),
    ),
    'dev01-projektplan-formfeed': (
        (1692, 'fde5d3f8a6f25f9ccf308521274f12768b0c0a85a2c9f8d361b93abbce4df980'),
        (1718, 'dc2e8f6b2701e4f2c80a02d091cd10e628c8b2248968340958b63ce6fe2e478d'),
        (1726, 'ac118536fbf095561cb6d4741f42e25ea5ba22e0394759dca7b523735cf3efbe'),
    ),
    'dev02-projektplan-docplayer': (
        (1701, '3eef6122a0d793958c778b08fa304afa43b53f6b415ce3dcbf59697ac0d3dfb5'),
        (1727, '790d128bd92d1a8f024e733b690943fc68b96320bfc2b9e2ea01a6b0af7a3059'),
        (1735, 'c019dfcbfdcbfd13fd1fda2bc8b0f29b1e3caba6be9c5033296c42bbd359566d'),
    ),
    'dev05-projektplan-letterhead': (
        (1056, '732ad8ca12a444173536022ea72059301419b43bffeb05d8acb7a0be2c588913'),
        (1082, '02965e956736acc97ec55fb460ecc4ba6de39eda71c8aa7aecaba1aef2ebf28b'),
        (1090, 'dd55baacc54689e571960afe3d75ded526273b3f22d96b91034e0e6db3224803'),
    ),
    'dev07-projektplan-cover-table': (
        (1171, 'e07e5e0245a67f670321d91c1b6314047edf9241dc2fef8f568b31313081a1ae'),
        (1197, 'fa386073e24758a04141a03842677af0292aa33af79dddac819cec79e24bfe18'),
        (1205, 'd6f0cd0f80b8b79b384395e8fc02d8b5c2ee5d98729082926b7adc9ceb787e22'),
    ),
    'dev14-projektdirektiv-cover-table': (
        (521, '032e4fc09c7830f5d0473969a1656bae73642efbd4e49e45780297493fb31093'),
        (547, '9a51dda45e46c6811f00a9264d3e90789ebe01db5de257743bec24a46f9e23d4'),
        (555, '51b7423e4e444fcf9d9aa26dccd70f66d46ff419f7a7e43eec7453fda41bc390'),
    ),
    'dev19-uppdragsbeskrivning-formfeed': (
        (715, '9205c523442d4cd5131d9b4b1de613622d46dee4f118a51f97990079ac2cdc1b'),
        (741, '9b563262fa3da495059c64a7456750c70a48de736db735a609fb6eb82d20a21d'),
        (749, 'b37955cb9ee08401c0b3e8c03aac168ee6b0978916bc39b8daf79ac77a25232c'),
    ),
    'dev23-protokollsutdrag-docplayer': (
        (455, '6e2c4769c6d00f649ed9fe8c1cb10b72dd3aad7df6ff310527c784ee1f5058d7'),
        (481, '012252e5072ac62ea36e0624cb326d27ec8abf20921e69a800790efd39235286'),
        (489, 'a5fdcf739921ba73d677d071809d0cf01bdc1f4848e8096e4b8dcf538b3c58aa'),
    ),
    'dev26-strategi-flat-table': (
        (372, '3a7b496c277fadac6a79378bb88b2e7fa982520cfad6d8b559e262f9e4fd331e'),
        (398, '7f8b9e6e59bdb756b507f5f96f0bf617235efff8dc51a0f2e90185d8790fdd85'),
        (406, '24fa49bafab4918e284ca263cd7b0ea25901e124b028d54a6059b9386d14e00e'),
    ),
}


def _sources(tmp: Path) -> dict[str, Path]:
    out = {"seed-text": ROOT / "corpus" / "000_5a26368617003b47.txt",
           "seed-pdf": ROOT / "corpus" / "halmstad-projektplan-2012.pdf"}
    specs = dev_specs()
    for i in DEV:
        out[specs[i].key] = write_document(specs[i], tmp)
    return out


def _line_digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()


def _ntriples(g: Graph) -> list[str]:
    return [line for line in g.serialize(format="nt").splitlines() if line.strip()]


def _pinned(g: Graph) -> tuple[int, str]:
    """The graph's triple count and digest, a contribution literal read as what it packs."""
    out = Graph()
    for s, p, o in g:
        if p == SG.contributed:
            o = Literal(_line_digest(content_ntriples(o).decode("utf-8").splitlines()))
        out.add((s, p, o))
    return len(g), _line_digest(_ntriples(out))


def _readings(x: ExtractedDocument) -> tuple[Graph, Graph, Graph]:
    content = records_to_content(x.records, x.pages, x.preamble)
    return content, x.to_graph(ingested_at=AT)[1], x.to_graph(ingested_at=AT, renditions=(OTHER_RENDITION,))[1]


@pytest.fixture(scope="module")
def documents(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.delenv("STYRGRAF_BASE_IRI", raising=False)
    return {name: extract_path(path) for name, path in _sources(tmp_path_factory.mktemp("docs")).items()}


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.fixture(scope="module")
def readings(documents):
    return {name: _readings(x) for name, x in documents.items()}


def test_every_document_is_pinned(documents):
    assert set(documents) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_triples_are_the_pinned_ones(readings, name):
    content, graph, with_other = readings[name]
    assert (_pinned(content), _pinned(graph), _pinned(with_other)) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_blank_nodes(readings, name):
    for g in readings[name]:
        assert not any(isinstance(t, BNode) for triple in g for t in triple)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_contribution_packs_rdflibs_sorted_ntriples(readings, name):
    """Byte for byte: the literal is what the graph's triples say, whoever writes it."""
    content, graph, _ = readings[name]
    expected = _packed_by_rdflib(content)
    packed = list(graph.objects(None, SG.contributed))
    assert [str(v) for v in packed] == [expected]
    assert encode_content(content) == Literal(expected, datatype=terms.XSD.base64Binary)
    assert set(decode_content(packed[0])) == set(content)
    assert set(content) <= set(graph)


def test_the_graph_is_its_contribution_and_provenance(readings):
    content, graph, _ = readings["seed-pdf"]
    rest = set(graph) - set(content)
    assert rest and all(str(s).startswith(DEFAULT_BASE_IRI) for s, _, _ in rest)
    assert not any(p == SG.hasPage or p == SG.pageNumber for _, p, _ in rest)


HARD_LITERALS = (
    Literal('citat "inom" citat'), Literal("bak\\snedstreck"), Literal("rad\nny\r\nrad\ttab"),
    Literal("åäö – € 𝄞"), Literal("\x00\x01\x1f\x7f kontroll"), Literal("sv text", lang="sv"),
    Literal("en", lang="en-GB"), Literal(42), Literal(True), Literal("2012-03", datatype=terms.XSD.gYearMonth),
    Literal("x", datatype=URIRef("http://example.org/typ")), Literal(""), Literal(" \ufeff "),
)
# Line separators other than \n and \r are written as they are, and the packing splits lines there:
# such a contribution packs as rdflib's lines split there do, but does not read back.
SPLIT_LITERALS = (Literal("a\u2028b"), Literal("c\x85d\x0ce\x1cf"))


def _graph_of(literals) -> Graph:
    g = Graph()
    for i, lit in enumerate(literals):
        g.add((URIRef(f"{DEFAULT_BASE_IRI}x/{i}"), SG.note, lit))
        g.add((URIRef(f"{DEFAULT_BASE_IRI}x/{i}"), SG.about, URIRef(f"{DEFAULT_BASE_IRI}y/å-{i}")))
    return g


def _packed_by_rdflib(g: Graph) -> str:
    return base64.b64encode(zlib.compress("\n".join(sorted(_ntriples(g))).encode("utf-8"), PACKING_LEVEL)).decode()


def test_a_contribution_of_hard_literals_packs_as_rdflib_writes_it():
    g = _graph_of(HARD_LITERALS)
    assert str(encode_content(g)) == _packed_by_rdflib(g)
    assert set(decode_content(encode_content(g))) == set(g)
    split = _graph_of(SPLIT_LITERALS)
    assert str(encode_content(split)) == _packed_by_rdflib(split)
    assert str(encode_content(Graph())) == _packed_by_rdflib(Graph())


def main() -> None:
    """Print `EXPECTED` for today's extraction."""
    import os
    import tempfile

    os.environ.pop("STYRGRAF_BASE_IRI", None)
    with tempfile.TemporaryDirectory() as tmp:
        print("EXPECTED = {")
        for name, path in _sources(Path(tmp)).items():
            print(f"    {name!r}: (")
            for g in _readings(extract_path(path)):
                print(f"        {_pinned(g)!r},")
            print("    ),")
        print("}")


if __name__ == "__main__":
    main()
