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
    SourceMeta, content_ntriples, decode_content, encode_content, records_to_content,
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
        (9047, '2f6f8dbba4ebab49a978d7ca7fb816fb6edc492d31844db3010cd5201bcccaf2'),
        (9073, '7b205f44832b87cadcc914ed1a2c19760873814ffaf461bc033f76469baa0c23'),
        (9081, '62a9fe2c0e2ef2d97af6f4b4a36c2872a5849c51028900c47306a3f07f5d523e'),
    ),
    'seed-pdf': (
        (7444, '02516f2ae2d3c95d1c376805cc650048e76559a3cf51962fa81b624157c733b1'),
        (7470, 'f134c6e9d983f961a743b3bafba433909791ad509b78883ef1ee2f6adad88ea9'),
        (7478, 'bce87d09637d6fd2bdb7725c8443eb4ac1cf07c9e35515914148c1e101bcefff'),
    ),
    'dev01-projektplan-formfeed': (
        (1689, '59c28945c07daba2dc45ded9206e00f25db32f0642f5cceb770b47f865f4e5b1'),
        (1715, 'f3716039009711e6057ecded7182fd86fc8eb5222dc7d67b7a261b16f805031a'),
        (1723, '39020c10f8fffcfbc4ddbd08311b4740669b5caa946a7801759df303841c08d4'),
    ),
    'dev02-projektplan-docplayer': (
        (1698, '59b216e7fef73ed17618512344b21b3f5a977ff8996b4092d13b3215ce5184fe'),
        (1724, '0acf32324873dd7d0c405e7285aea61c1e187d58732e7af5b4f7e4e4e47052c9'),
        (1732, '1b349f66a1b6efa11cb1e775ff42c8fe00681fc6c0c1362cb6d5950ee7de9426'),
    ),
    'dev05-projektplan-letterhead': (
        (1053, '37f172aade158071d5aa4ef49bb8c61e3a34b7182031c6ee50c38787ad68b0a6'),
        (1079, 'ffbdbcd7f498fb3b7af201b3600cb067b58d1c256424ed188f4803e296357d18'),
        (1087, 'e24811fda4ecd2167b3ed0414eead10fa26593f328b5e96c384faf5be6efb302'),
    ),
    'dev07-projektplan-cover-table': (
        (1168, 'c9e474e0d3fede4fc22483b3a6c954a77efc5952623805b72f60fdfbf06260a3'),
        (1194, '0d0f7232ffe893f21fe49b202d68e3c2b1e73ec198d992d1b6c22814a5e0c651'),
        (1202, 'b93ff1a5e29a825d40857898a01df4e1af84bb89fcff2307231b1cdafca3b1db'),
    ),
    'dev14-projektdirektiv-cover-table': (
        (518, '37db51bc960d8b178b785b67304d7847a015c02e90163ec1d9876fbb80e4aaca'),
        (544, '338b8e24a5977f0affc993cfabbc15833ec51f2592134d5360e4b21bad68c206'),
        (552, '0578b677113d21ea490540e2a37cb00373652a321b731725a6f06c297802af4b'),
    ),
    'dev19-uppdragsbeskrivning-formfeed': (
        (712, 'f514c651030105b1f460e23cf439384d85d1c4ab4711aeec9273e94e869ff308'),
        (738, '4a5817c395c8838d51226183b96824991e2232c3915740f1d06bd9791af229b1'),
        (746, '66205bbcac1a760448e76c250a4db1c67efa2cabb59aa0cf4897238cf3e72113'),
    ),
    'dev23-protokollsutdrag-docplayer': (
        (452, '7bbe54e1b7915139e416d9197aeed78e63c57aedcd289a1f86ee740f9be59d73'),
        (478, '32e18b327241380b0884e4e55a0d2d8915163e53e290f4db478ac57f0a65fc03'),
        (486, '1a59f4165cad928f67ae440fd694f86e3d260c24584e394b7c7f237103add6a5'),
    ),
    'dev26-strategi-flat-table': (
        (369, 'a5ab7cdc97dd64cc4df1df4dd77ad186479dd36887495fb1f39b1f6d37332635'),
        (395, 'd7219954702c707a00cc29037e3834574f14bff73026165641b8b7cc8d8b8b48'),
        (403, '974bc95ee495b77d0f4211c2ea322ea63f7d17a8639be7d33f4e755b63c6902c'),
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
    return base64.b64encode(zlib.compress("\n".join(sorted(_ntriples(g))).encode("utf-8"), 9)).decode()


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
